using Microsoft.Extensions.Options;

namespace SnowOps.Heating.Supply;

/// <summary>Stops start-up with the reason when the heating curve or the advice settings cannot be used.</summary>
public sealed class SupplyValidation : IValidateOptions<SupplyOptions>
{
    /// <summary>Supply water of a hot-water heating network lies in this range.</summary>
    public const double LowestSupplyCelsius = 20, HighestSupplyCelsius = 130;

    /// <summary>The outdoor temperatures a curve may name.</summary>
    public const double LowestOutdoorCelsius = -70, HighestOutdoorCelsius = 60;

    public ValidateOptionsResult Validate(string? name, SupplyOptions options) =>
        Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    public static IEnumerable<string> Problems(SupplyOptions options)
    {
        foreach (var problem in CurveProblems($"{SupplyOptions.Section}:Curve", options.EffectiveCurve, options.MaxSupplyCelsius))
            yield return problem;
        foreach (var (station, settings) in options.Stations)
        {
            var where = $"{SupplyOptions.Section}:Stations:{station}";
            if (settings.Curve is { Count: > 0 } curve)
                foreach (var problem in CurveProblems($"{where}:Curve", curve, options.MaxSupplyCelsius))
                    yield return problem;
            if (!double.IsFinite(settings.OffsetCelsius) || Math.Abs(settings.OffsetCelsius) > 30)
                yield return $"{where}:OffsetCelsius is {settings.OffsetCelsius}; it must lie within ±30 °C.";
        }
        if (!(options.MaxSupplyCelsius is >= LowestSupplyCelsius and <= HighestSupplyCelsius))
            yield return $"{SupplyOptions.Section}:MaxSupplyCelsius is {options.MaxSupplyCelsius}; it must lie between {LowestSupplyCelsius} and {HighestSupplyCelsius} °C.";
        if (!(options.AdviseEveryHours is >= 0.25 and <= 24))
            yield return $"{SupplyOptions.Section}:AdviseEveryHours is {options.AdviseEveryHours}; it must be 0.25 to 24.";
        if (!(options.LeadHours is >= 1 and <= 72))
            yield return $"{SupplyOptions.Section}:LeadHours is {options.LeadHours}; it must be 1 to 72.";
        if (!(options.MinChangeCelsius is > 0 and <= 20))
            yield return $"{SupplyOptions.Section}:MinChangeCelsius is {options.MinChangeCelsius}; it must be above 0 and at most 20.";
    }

    static IEnumerable<string> CurveProblems(string where, IReadOnlyList<CurvePoint> curve, double max)
    {
        for (var k = 0; k < curve.Count; k++)
        {
            var point = curve[k];
            if (!(point.OutdoorCelsius is >= LowestOutdoorCelsius and <= HighestOutdoorCelsius))
                yield return $"{where}:{k}:OutdoorCelsius is {point.OutdoorCelsius}; it must lie between {LowestOutdoorCelsius} and {HighestOutdoorCelsius} °C.";
            if (!(point.SupplyCelsius is >= LowestSupplyCelsius and <= HighestSupplyCelsius))
                yield return $"{where}:{k}:SupplyCelsius is {point.SupplyCelsius}; supply water lies between {LowestSupplyCelsius} and {HighestSupplyCelsius} °C.";
            else if (point.SupplyCelsius > max)
                yield return $"{where}:{k}:SupplyCelsius is {point.SupplyCelsius}, above MaxSupplyCelsius {max}.";
            if (k == 0)
                continue;
            var previous = curve[k - 1];
            if (!(point.OutdoorCelsius < previous.OutdoorCelsius))
                yield return $"{where}: points must run from the warmest outdoor temperature to the coldest; point {k} ({point.OutdoorCelsius} °C) is not colder than point {k - 1} ({previous.OutdoorCelsius} °C).";
            else if (point.SupplyCelsius < previous.SupplyCelsius)
                yield return $"{where}: colder outside cannot call for cooler supply water; point {k} asks {point.SupplyCelsius} °C after {previous.SupplyCelsius} °C.";
        }
    }
}
