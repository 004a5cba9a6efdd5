namespace SnowOps.Heating.Supply;

/// <summary>
/// The heating curve and how advice is made, bound from <see cref="Section"/>. The default curve is one for a radiator
/// system designed for 95 °C supply water at −20 °C outside; every number is the city's or the company's to set.
/// </summary>
public sealed class SupplyOptions
{
    public const string Section = "SnowOps:Heating:Supply";

    /// <summary>The default curve, warmest outdoor temperature first.</summary>
    public static readonly IReadOnlyList<CurvePoint> DefaultCurve =
    [
        new() { OutdoorCelsius = 10, SupplyCelsius = 45 },
        new() { OutdoorCelsius = 5, SupplyCelsius = 55 },
        new() { OutdoorCelsius = -5, SupplyCelsius = 70 },
        new() { OutdoorCelsius = -15, SupplyCelsius = 85 },
        new() { OutdoorCelsius = -20, SupplyCelsius = 95 },
    ];

    /// <summary>The heating curve, warmest outdoor temperature first; linear between points, flat beyond the ends. Null: <see cref="DefaultCurve"/>.</summary>
    public List<CurvePoint>? Curve { get; set; }

    /// <summary>Per heat station (by station id): its own curve, or an offset on the city's.</summary>
    public Dictionary<string, StationSupply> Stations { get; set; } = [];

    /// <summary>The hottest supply water advised, plan raise included, °C.</summary>
    public double MaxSupplyCelsius { get; set; } = 95;

    /// <summary>How often advice is made, hours.</summary>
    public double AdviseEveryHours { get; set; } = 3;

    /// <summary>How far ahead advice looks: the supply is set for the coldest moment of the next so many hours, so the water is warm before the cold arrives.</summary>
    public double LeadHours { get; set; } = 6;

    /// <summary>A station is advised again only when its advice moves by at least this much, °C.</summary>
    public double MinChangeCelsius { get; set; } = 2;

    /// <summary>Whether advice runs on its own schedule (it runs on a new forecast and on a plan's raise regardless).</summary>
    public bool Scheduled { get; set; } = true;

    public IReadOnlyList<CurvePoint> EffectiveCurve => Curve is { Count: > 0 } curve ? curve : DefaultCurve;

    /// <summary>The station's settings, matched without regard to case; null when it has none.</summary>
    public StationSupply? For(string stationId) =>
        Stations.FirstOrDefault(s => string.Equals(s.Key, stationId, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>One point of a heating curve: at this outdoor temperature, supply water this warm.</summary>
public sealed class CurvePoint
{
    public double OutdoorCelsius { get; set; }
    public double SupplyCelsius { get; set; }
}

/// <summary>A station's own settings: a curve of its own, and an offset added to whichever curve it follows (e.g. +3 for a long, lossy network).</summary>
public sealed class StationSupply
{
    public List<CurvePoint>? Curve { get; set; }
    public double OffsetCelsius { get; set; }
}
