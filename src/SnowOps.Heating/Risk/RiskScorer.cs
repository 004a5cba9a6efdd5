using System.Globalization;

namespace SnowOps.Heating.Risk;

/// <summary>
/// Scores a compound from its facts, part by part, so each score can be read back: age, low readings, cold area, cold spots,
/// complaints and the outdoor forecast. A plan's first compounds boost their parts: "old" the age, "cold-area" the
/// readings, the cold area and the cold spots, "complaints" the complaints.
/// </summary>
public static class RiskScorer
{
    public const string Age = "age";
    public const string LowReadings = "low-readings";
    public const string ColdArea = "cold-area";
    public const string ColdSpots = "cold-spots";
    public const string Complaints = "complaints";
    public const string Forecast = "forecast";

    /// <summary>The names a plan's first compounds use, and the parts each boosts.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Boosts = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["old"] = [Age],
        ["cold-area"] = [LowReadings, ColdArea, ColdSpots],
        ["complaints"] = [Complaints],
    };

    public static RiskScore Score(CompoundFacts facts, RiskContext context, RiskOptions options)
    {
        var boosted = BoostedParts(context.First);
        RiskPart[] parts =
        [
            AgePart(facts, context, options),
            ReadingPart(facts, options),
            ColdAreaPart(facts, options),
            ColdSpotPart(facts, options),
            ComplaintPart(facts, options),
            ForecastPart(context, options),
        ];
        var final = parts.Select(p => boosted.Contains(p.Name) && p.Points > 0
                ? p with { Points = Round(p.Points * options.FirstBoost), Why = p.Why + Text($"; ×{options.FirstBoost} while the plan puts these first") }
                : p)
            .ToList();
        return new RiskScore(facts.CompoundId, facts.CompanyId, Round(final.Sum(p => p.Points)), final);
    }

    /// <summary>The parts the plan's first compounds boost.</summary>
    public static HashSet<string> BoostedParts(IEnumerable<string> first) =>
        first.Where(Boosts.ContainsKey).SelectMany(f => Boosts[f]).ToHashSet(StringComparer.Ordinal);

    static RiskPart AgePart(CompoundFacts facts, RiskContext context, RiskOptions options)
    {
        if (facts.BuiltYear is not { } built)
            return new RiskPart(Age, null, 0, "Build year unknown.");
        var years = Math.Max(0, context.ReferenceYear - built);
        var counted = Math.Min(years, options.AgeCapYears);
        return new RiskPart(Age, years, Round(counted * options.AgePointsPerYear),
            Text($"Built {built}: {years} years old (counted up to {options.AgeCapYears}) × {options.AgePointsPerYear} points."));
    }

    static RiskPart ReadingPart(CompoundFacts facts, RiskOptions options)
    {
        var raw = facts.BelowStandard * options.BelowReadingPoints + facts.NearStandard * options.NearReadingPoints;
        var points = Math.Min(raw, options.ReadingMaxPoints);
        var why = facts.BelowStandard + facts.NearStandard == 0
            ? Text($"No reading below or within {options.NearStandardCelsius} °C of the standard in the last {options.ReadingWindowDays} days.")
            : Text($"{facts.BelowStandard} reading(s) below the standard and {facts.NearStandard} just above it in the last {options.ReadingWindowDays} days (at most {options.ReadingMaxPoints} points).");
        return new RiskPart(LowReadings, facts.BelowStandard + facts.NearStandard, Round(points), why);
    }

    static RiskPart ColdAreaPart(CompoundFacts facts, RiskOptions options) => facts.ColdArea
        ? new RiskPart(ColdArea, 1, Round(options.ColdAreaPoints), "In an area the city marks as low-temperature.")
        : new RiskPart(ColdArea, 0, 0, "Not in a low-temperature area.");

    static RiskPart ColdSpotPart(CompoundFacts facts, RiskOptions options)
    {
        var spots = Math.Max(0, facts.ColdSpots);
        return new RiskPart(ColdSpots, spots, Round(Math.Min(spots * options.ColdSpotPoints, options.ColdSpotMaxPoints)),
            spots == 0 ? "No known cold spots." : Text($"{spots} known cold spot(s) × {options.ColdSpotPoints} points (at most {options.ColdSpotMaxPoints})."));
    }

    static RiskPart ComplaintPart(CompoundFacts facts, RiskOptions options)
    {
        var count = Math.Max(0, facts.Complaints);
        return new RiskPart(Complaints, count, Round(Math.Min(count * options.ComplaintPoints, options.ComplaintMaxPoints)),
            count == 0 ? "No complaints in the window." : Text($"{count} complaint(s) × {options.ComplaintPoints} points (at most {options.ComplaintMaxPoints})."));
    }

    static RiskPart ForecastPart(RiskContext context, RiskOptions options)
    {
        if (context.LowestForecastCelsius is not { } lowest)
            return new RiskPart(Forecast, null, 0, "No outdoor forecast.");
        var below = Math.Max(0, options.ForecastFromCelsius - lowest);
        return new RiskPart(Forecast, lowest, Round(Math.Min(below * options.ForecastPointsPerDegree, options.ForecastMaxPoints)),
            Text($"Coldest forecast in the next {options.ForecastHours} h: {lowest} °C, {below} °C below {options.ForecastFromCelsius} °C × {options.ForecastPointsPerDegree} points (at most {options.ForecastMaxPoints})."));
    }

    static double Round(double points) => Math.Round(points, 2);

    static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
