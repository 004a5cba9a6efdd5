namespace SnowOps.ServiceDefaults.Auth;

/// <summary>The roles a SnowOps token can carry.</summary>
public static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Committee = "committee";
    public const string Crew = "crew";
    public const string AlertSource = "alert-source";
    public const string Admin = "admin";
    public const string Hotline = "hotline";

    public static readonly string[] All = [Dispatcher, Committee, Crew, AlertSource, Admin, Hotline];
}

/// <summary>Authorization policies; an admin passes every one of them.</summary>
public static class Policies
{
    /// <summary>Run the operation: activate, reassign, stand down.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>See the operation: dispatchers and the committee (read-only).</summary>
    public const string Watch = "watch";

    /// <summary>Act on one's own tasks.</summary>
    public const string Crew = "crew";

    /// <summary>Submit weather alerts.</summary>
    public const string SubmitAlerts = "submit-alerts";

    /// <summary>Hand in citizens' complaints: a hotline or citizen-service system.</summary>
    public const string SubmitComplaints = "submit-complaints";

    /// <summary>Manage reference data: networks, crews, compounds.</summary>
    public const string Administer = "administer";
}
