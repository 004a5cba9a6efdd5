namespace SnowOps.Heating.Reports;

/// <summary>Counted measurements and how many met the standard; the rate is passes / checks, null without checks.</summary>
public sealed record PassRate(int Checks, int Passes, double? Rate)
{
    public static PassRate Of(int checks, int passes) => new(checks, passes, checks == 0 ? null : Math.Round((double)passes / checks, 4));
}

public sealed record CompanyLine(string CompanyId, string Name, PassRate PassRate, int OpenDeficiencies, int ClosedDeficiencies);

public sealed record CompoundLine(
    string CompoundId, string Name, string CompanyId, PassRate PassRate, int OpenDeficiencies, int ClosedDeficiencies, double? MedianFixHours,
    DateTimeOffset? MonitoredSince);

public sealed record OpenDeficiency(
    Guid DeficiencyId, string CompoundId, string CompanyId, double AverageCelsius, double StandardCelsius, DateTimeOffset Found, int Round,
    Guid? RepairTaskId, DateTimeOffset? Repaired);

/// <summary>
/// The heating report of a period: pass rates of the measurements taken in it, the deficiencies found in it (open or
/// closed as of now), how long they took to fix, and how long complaints received in it waited for a check.
/// </summary>
public sealed record HeatingReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string? CompanyId,
    PassRate PassRate,
    int OpenDeficiencies,
    int ClosedDeficiencies,
    Durations DeficiencyToFix,
    Durations? ComplaintToCheck,
    IReadOnlyList<CompanyLine> Companies,
    IReadOnlyList<CompoundLine> Compounds,
    IReadOnlyList<OpenDeficiency> Open);
