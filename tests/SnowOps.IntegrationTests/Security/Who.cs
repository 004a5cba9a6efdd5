using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// Who may call an endpoint, written out by hand from "Who may do what" in the README: the specification the host is
/// held to, not a copy of the host's own authorization metadata.
/// </summary>
public sealed record Who(string Name, bool NeedsToken, params string[] Allowed)
{
    /// <summary>Anyone, without a token.</summary>
    public static readonly Who Anyone = new("anonymous", false);

    /// <summary>A caller proving itself with its own secret or signature (Telegram, WeCom); a bearer token opens nothing.</summary>
    public static readonly Who OwnSecret = new("its own secret", false);

    public static readonly Who Watch = new("watch", true, Roles.Committee, Roles.Dispatcher, Roles.Admin);
    public static readonly Who Dispatch = new("dispatch", true, Roles.Dispatcher, Roles.Admin);
    public static readonly Who Crew = new("crew", true, Roles.Crew, Roles.Admin);
    public static readonly Who SubmitAlerts = new("submit-alerts", true, Roles.AlertSource, Roles.Admin);
    public static readonly Who SubmitComplaints = new("submit-complaints", true, Roles.Hotline, Roles.Admin);
    public static readonly Who Administer = new("administer", true, Roles.Admin);

    /// <summary>Every caller the matrix tries: no token, then each role.</summary>
    public static readonly string?[] Callers =
        [null, Roles.Crew, Roles.Committee, Roles.Dispatcher, Roles.AlertSource, Roles.Hotline, Roles.Admin];

    public bool Allows(string? role) => !NeedsToken || (role is not null && Allowed.Contains(role));

    public override string ToString() => Name;
}
