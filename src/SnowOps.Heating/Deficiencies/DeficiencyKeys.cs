using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Heating.Deficiencies;

/// <summary>
/// The source keys of the tasks Heating asks Dispatch for about a deficiency: "heating:repair:&lt;id&gt;" and
/// "heating:recheck:&lt;id&gt;" for the first round, with ":&lt;round&gt;" after them from the second round on.
/// </summary>
public static class DeficiencyKeys
{
    const string Repair = "heating:repair:";
    const string Recheck = "heating:recheck:";
    const string RequestPrefix = "request:";

    public static Guid IdFor(Guid readingId) => StableId.From("heating-deficiency", readingId.ToString());

    public static string RepairKey(Guid deficiencyId, int round) => Repair + deficiencyId + Suffix(round);

    public static string RecheckKey(Guid deficiencyId, int round) => Recheck + deficiencyId + Suffix(round);

    static string Suffix(int round) => round <= 1 ? "" : ":" + round;

    /// <summary>Reads a task's source key ("request:" and one of the keys above); false for any other task.</summary>
    public static bool TryRead(string? sourceKey, out bool repair, out Guid deficiencyId, out int round)
    {
        (repair, deficiencyId, round) = (false, Guid.Empty, 0);
        if (sourceKey is null || !sourceKey.StartsWith(RequestPrefix, StringComparison.Ordinal))
            return false;
        var key = sourceKey[RequestPrefix.Length..];
        string rest;
        if (key.StartsWith(Repair, StringComparison.Ordinal))
            (repair, rest) = (true, key[Repair.Length..]);
        else if (key.StartsWith(Recheck, StringComparison.Ordinal))
            rest = key[Recheck.Length..];
        else
            return false;
        var parts = rest.Split(':');
        if (parts.Length > 2 || !Guid.TryParse(parts[0], out deficiencyId))
            return false;
        round = 1;
        return parts.Length == 1 || (int.TryParse(parts[1], out round) && round > 1);
    }
}
