using System.Globalization;

namespace SnowOps.Heating.Risk;

/// <summary>
/// Scores a compound from its facts, part by part, so each score can be read back: age, low readings, cold area, cold spots,
/// complaints and the outdoor forecast. A plan's first compounds boost their parts: "old" the age, "cold-area" the
/// readings, the cold area and the cold spots, "complaints" the complaints. <see cref="Total"/> gives the same total as
/// <see cref="Score"/> without writing the reasons, for ranking many compounds at once.
/// </summary>
public static class RiskScorer
{
    public const string Age = "age";
    public const string LowReadings = "low-readings";
    public const string ColdArea = "cold-area";
    public const string ColdSpots = "cold-spots";
    public const string Complaints = "complaints";
    public const string Forecast = "forecast";

    public const string FirstOld = "old";
    public const string FirstColdArea = "cold-area";
    public const string FirstComplaints = "complaints";

    /// <summary>One part's numbers: what was seen, the points before and after the plan's boost.</summary>
    readonly record struct Measure(double? Value, double Points, bool Boosted);

    public static RiskScore Score(CompoundFacts facts, RiskContext context, RiskOptions options)
    {
        var (old, cold, complaints) = Boosts(context);
        RiskPart[] parts =
        [
            Explain(Age, AgeOf(facts, context, options, old), AgeWhy(facts, context, options), options),
            Explain(LowReadings, ReadingsOf(facts, options, cold), ReadingWhy(facts, options), options),
            Explain(ColdArea, ColdAreaOf(facts, options, cold), facts.ColdArea ? "In an area the city marks as low-temperature." : "Not in a low-temperature area.", options),
            Explain(ColdSpots, ColdSpotsOf(facts, options, cold), facts.ColdSpots <= 0 ? "No known cold spots."
                : Text($"{facts.ColdSpots} known cold spot(s) × {options.ColdSpotPoints} points (at most {options.ColdSpotMaxPoints})."), options),
            Explain(Complaints, ComplaintsOf(facts, options, complaints), facts.Complaints <= 0 ? "No complaints in the window."
                : Text($"{facts.Complaints} complaint(s) × {options.ComplaintPoints} points (at most {options.ComplaintMaxPoints})."), options),
            Explain(Forecast, ForecastOf(context, options), ForecastWhy(context, options), options),
        ];
        var total = 0.0;
        foreach (var part in parts)
            total += part.Points;
        return new RiskScore(facts.CompoundId, facts.CompanyId, Round(total), parts);
    }

    /// <summary>The total <see cref="Score"/> gives, without the parts.</summary>
    public static double Total(CompoundFacts facts, RiskContext context, RiskOptions options)
    {
        var (old, cold, complaints) = Boosts(context);
        return Round(Points(AgeOf(facts, context, options, old), options) + Points(ReadingsOf(facts, options, cold), options)
            + Points(ColdAreaOf(facts, options, cold), options) + Points(ColdSpotsOf(facts, options, cold), options)
            + Points(ComplaintsOf(facts, options, complaints), options) + Points(ForecastOf(context, options), options));
    }

    static (bool Old, bool Cold, bool Complaints) Boosts(RiskContext context) =>
        (context.First.Contains(FirstOld), context.First.Contains(FirstColdArea), context.First.Contains(FirstComplaints));

    static double Points(Measure m, RiskOptions options) => m.Boosted && m.Points > 0 ? Round(Round(m.Points) * options.FirstBoost) : Round(m.Points);

    static RiskPart Explain(string name, Measure m, string why, RiskOptions options) =>
        new(name, m.Value, Points(m, options), m.Boosted && m.Points > 0 ? why + Text($"; ×{options.FirstBoost} while the plan puts these first") : why);

    static Measure AgeOf(CompoundFacts facts, RiskContext context, RiskOptions options, bool boosted)
    {
        if (facts.BuiltYear is not { } built)
            return new Measure(null, 0, boosted);
        var years = Math.Max(0, context.ReferenceYear - built);
        return new Measure(years, Math.Min(years, options.AgeCapYears) * options.AgePointsPerYear, boosted);
    }

    static string AgeWhy(CompoundFacts facts, RiskContext context, RiskOptions options) => facts.BuiltYear is { } built
        ? Text($"Built {built}: {Math.Max(0, context.ReferenceYear - built)} years old (counted up to {options.AgeCapYears}) × {options.AgePointsPerYear} points.")
        : "Build year unknown.";

    static Measure ReadingsOf(CompoundFacts facts, RiskOptions options, bool boosted) => new(facts.BelowStandard + facts.NearStandard,
        Math.Min(facts.BelowStandard * options.BelowReadingPoints + facts.NearStandard * options.NearReadingPoints, options.ReadingMaxPoints), boosted);

    static string ReadingWhy(CompoundFacts facts, RiskOptions options) => facts.BelowStandard + facts.NearStandard == 0
        ? Text($"No reading below or within {options.NearStandardCelsius} °C of the standard in the last {options.ReadingWindowDays} days.")
        : Text($"{facts.BelowStandard} reading(s) below the standard and {facts.NearStandard} just above it in the last {options.ReadingWindowDays} days (at most {options.ReadingMaxPoints} points).");

    static Measure ColdAreaOf(CompoundFacts facts, RiskOptions options, bool boosted) =>
        new(facts.ColdArea ? 1 : 0, facts.ColdArea ? options.ColdAreaPoints : 0, boosted);

    static Measure ColdSpotsOf(CompoundFacts facts, RiskOptions options, bool boosted)
    {
        var spots = Math.Max(0, facts.ColdSpots);
        return new Measure(spots, Math.Min(spots * options.ColdSpotPoints, options.ColdSpotMaxPoints), boosted);
    }

    static Measure ComplaintsOf(CompoundFacts facts, RiskOptions options, bool boosted)
    {
        var count = Math.Max(0, facts.Complaints);
        return new Measure(count, Math.Min(count * options.ComplaintPoints, options.ComplaintMaxPoints), boosted);
    }

    static Measure ForecastOf(RiskContext context, RiskOptions options) => context.LowestForecastCelsius is { } lowest
        ? new Measure(lowest, Math.Min(Math.Max(0, options.ForecastFromCelsius - lowest) * options.ForecastPointsPerDegree, options.ForecastMaxPoints), false)
        : new Measure(null, 0, false);

    static string ForecastWhy(RiskContext context, RiskOptions options) => context.LowestForecastCelsius is { } lowest
        ? Text($"Coldest forecast in the next {options.ForecastHours} h: {lowest} °C, {Math.Max(0, options.ForecastFromCelsius - lowest)} °C below {options.ForecastFromCelsius} °C × {options.ForecastPointsPerDegree} points (at most {options.ForecastMaxPoints}).")
        : "No outdoor forecast.";

    static double Round(double points) => Math.Round(points, 2);

    static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
