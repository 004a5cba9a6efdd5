using SnowOps.Heating.Risk;

namespace SnowOps.Heating.Checks;

/// <summary>A compound the scheduler considers: its facts, when it was last checked, and how often it is to be checked now.</summary>
/// <param name="Facts">What its risk is scored from.</param>
/// <param name="LastChecked">When it was last checked or a check was last requested; null when never.</param>
/// <param name="EveryHours">How often it is to be checked now.</param>
/// <param name="Waiting">A check found due earlier is waiting for capacity.</param>
public sealed record CheckCandidate(CompoundFacts Facts, DateTimeOffset? LastChecked, double EveryHours, bool Waiting = false)
{
    public bool IsDue(DateTimeOffset now) => Waiting || LastChecked is not { } last || last.AddHours(EveryHours) <= now;
}

/// <summary>A due compound, ranked by its risk total: checked today within its company's capacity, or left waiting for the next day.</summary>
/// <remarks>The total's parts are <see cref="RiskScorer.Score"/> of the candidate's facts, written out only where they are shown.</remarks>
public sealed record PlannedCheck(CheckCandidate Candidate, double Risk, bool Today);

/// <summary>
/// The scheduling core, without a database: the compounds due a check, ranked by risk (highest first), and within each
/// company's capacity left today; the rest wait. Ties go to a check already waiting, then to the compound id, so the
/// same inputs always give the same schedule.
/// </summary>
public static class CheckPlanner
{
    public static IReadOnlyList<PlannedCheck> Plan(IReadOnlyList<CheckCandidate> candidates, RiskContext context,
        IReadOnlyDictionary<string, int> capacityLeft, DateTimeOffset now, RiskOptions options)
    {
        var ranked = candidates.Where(c => c.IsDue(now))
            .Select(c => (Candidate: c, Risk: RiskScorer.Total(c.Facts, context, options)))
            .OrderByDescending(r => r.Risk)
            .ThenByDescending(r => r.Candidate.Waiting)
            .ThenBy(r => r.Candidate.Facts.CompoundId, StringComparer.Ordinal)
            .ToList();
        var left = new Dictionary<string, int>(capacityLeft, StringComparer.Ordinal);
        var planned = new List<PlannedCheck>(ranked.Count);
        foreach (var (candidate, risk) in ranked)
        {
            var company = candidate.Facts.CompanyId;
            var today = left.TryGetValue(company, out var n) && n > 0;
            if (today)
                left[company] = n - 1;
            planned.Add(new PlannedCheck(candidate, risk, today));
        }
        return planned;
    }

    /// <summary>
    /// How often a compound is checked now: its own frequency or the city's, more often when it is monitored, and more
    /// often again while a cold operation asks for it; the most frequent applies.
    /// </summary>
    public static double EveryHours(double? compoundHours, bool monitored, IEnumerable<double> operationHours, CheckOptions options)
    {
        var every = compoundHours is { } own && double.IsFinite(own) && own >= 1 ? own : options.CheckEveryHours;
        if (monitored)
            every = Math.Min(every, options.MonitoredEveryHours);
        foreach (var hours in operationHours)
            every = Math.Min(every, hours);
        return every;
    }
}
