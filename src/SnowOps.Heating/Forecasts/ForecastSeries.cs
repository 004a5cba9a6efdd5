namespace SnowOps.Heating.Forecasts;

/// <summary>
/// The forecast in force: at each moment, the first of the issues (in the order given: most preferred first) whose span
/// covers it; within an issue, linear between its points. Moments no issue covers have no forecast.
/// </summary>
public sealed class ForecastSeries
{
    readonly IReadOnlyList<ForecastIssue> _issues;

    /// <param name="issues">Most preferred first (e.g. the latest issued); each with its points in time order.</param>
    public ForecastSeries(IEnumerable<ForecastIssue> issues) =>
        _issues = issues.Where(i => i.Points.Count > 0).Select(Sorted).ToList();

    /// <summary>One point of the series in force, with the issue it comes from.</summary>
    public sealed record InForce(DateTimeOffset At, double Celsius, string Source, string Zone, DateTimeOffset Issued);

    /// <summary>The temperature in force at a moment, or null when no issue covers it.</summary>
    public double? At(DateTimeOffset moment) => Governing(moment) is { } issue ? ValueAt(issue, moment) : null;

    /// <summary>The lowest temperature in force in [from, until], or null when no moment of it is covered.</summary>
    public double? Lowest(DateTimeOffset from, DateTimeOffset until)
    {
        double? lowest = null;
        var moments = Breakpoints(from, until);
        foreach (var moment in moments)
            lowest = Min(lowest, At(moment));
        foreach (var (start, end, issue) in Intervals(moments))
            lowest = Min(lowest, Math.Min(ValueAt(issue, start), ValueAt(issue, end)));
        return lowest;
    }

    /// <summary>The time-weighted mean in force over the covered part of [from, until], or null when none of it is covered.</summary>
    public double? Mean(DateTimeOffset from, DateTimeOffset until)
    {
        var moments = Breakpoints(from, until);
        double weighted = 0, seconds = 0;
        foreach (var (start, end, issue) in Intervals(moments))
        {
            var span = (end - start).TotalSeconds;
            weighted += (ValueAt(issue, start) + ValueAt(issue, end)) / 2 * span;
            seconds += span;
        }
        if (seconds > 0)
            return weighted / seconds;
        var covered = moments.Select(At).OfType<double>().ToList();
        return covered.Count > 0 ? covered.Average() : null;
    }

    /// <summary>The points of [from, until] that are in force: each issue's points where no preferred issue covers them.</summary>
    public IReadOnlyList<InForce> Points(DateTimeOffset from, DateTimeOffset until) =>
        _issues.SelectMany(issue => issue.Points
                .Where(p => p.At >= from && p.At <= until && ReferenceEquals(Governing(p.At), issue))
                .Select(p => new InForce(p.At, p.Celsius, issue.Source, issue.Zone, issue.Issued)))
            .OrderBy(p => p.At)
            .ToList();

    ForecastIssue? Governing(DateTimeOffset moment) => _issues.FirstOrDefault(i => i.From <= moment && moment <= i.Until);

    /// <summary>The window's ends and every point time inside it: between two of them, which issue governs does not change.</summary>
    List<DateTimeOffset> Breakpoints(DateTimeOffset from, DateTimeOffset until)
    {
        if (until < from)
            return [];
        return _issues.SelectMany(i => i.Points).Select(p => p.At).Where(at => at > from && at < until)
            .Append(from).Append(until).Distinct().Order().ToList();
    }

    /// <summary>The stretches between consecutive breakpoints, each with the issue that governs it; uncovered ones left out.</summary>
    IEnumerable<(DateTimeOffset Start, DateTimeOffset End, ForecastIssue Issue)> Intervals(List<DateTimeOffset> moments)
    {
        for (var k = 0; k + 1 < moments.Count; k++)
        {
            var (start, end) = (moments[k], moments[k + 1]);
            if (Governing(start + (end - start) / 2) is { } issue)
                yield return (start, end, issue);
        }
    }

    /// <summary>Linear between the issue's points; the moment must lie within its span.</summary>
    static double ValueAt(ForecastIssue issue, DateTimeOffset moment)
    {
        var points = issue.Points;
        var after = 0;
        while (after < points.Count - 1 && points[after].At < moment)
            after++;
        var next = points[after];
        if (after == 0 || next.At == moment)
            return next.Celsius;
        var previous = points[after - 1];
        var share = (moment - previous.At) / (next.At - previous.At);
        return previous.Celsius + (next.Celsius - previous.Celsius) * share;
    }

    static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    static ForecastIssue Sorted(ForecastIssue issue)
    {
        issue.Points = issue.Points.OrderBy(p => p.At).ToList();
        return issue;
    }
}
