namespace SnowOps.Routing.Fleet;

/// <summary>A spreading rate that applies at and above a pavement temperature (the band ends where the next warmer one starts).</summary>
public sealed class SpreadingRate
{
    /// <summary>Lowest pavement temperature of the band, °C; null for the coldest band.</summary>
    public double? FromCelsius { get; set; }
    public double GramsPerSquareMeter { get; set; }
    public string Material { get; set; } = "salt";
}

/// <summary>How much de-icer goes on the road, under <c>SnowOps:Routing:DeIcing</c>.</summary>
public sealed class DeIcingOptions
{
    /// <summary>Pavement temperature used when a request gives none.</summary>
    public double PavementTemperatureCelsius { get; set; } = -3;

    /// <summary>Pre-wetted salt sticks to the road; the rate is multiplied by <see cref="PreWettedFactor"/>.</summary>
    public bool PreWetted { get; set; }
    public double PreWettedFactor { get; set; } = 0.75;

    /// <summary>
    /// Defaults: the one documented range in DOMAIN.md, Chinese guidance of 30–50 g/m² dry for under 50 mm of snow, spread
    /// over the temperature bands (low end when mild, high end when cold); below −9 °C plain salt loses most of its effect
    /// (Wisconsin DOT), so the coldest band names salt with calcium or magnesium chloride.
    /// </summary>
    public List<SpreadingRate> Rates { get; set; } = [];

    public static List<SpreadingRate> DefaultRates() =>
    [
        new() { FromCelsius = -4, GramsPerSquareMeter = 30, Material = "salt" },
        new() { FromCelsius = -9, GramsPerSquareMeter = 40, Material = "salt" },
        new() { FromCelsius = null, GramsPerSquareMeter = 50, Material = "salt with CaCl2/MgCl2" },
    ];

    public IReadOnlyList<SpreadingRate> EffectiveRates => Rates.Count > 0 ? Rates : DefaultRates();

    /// <summary>The band a pavement temperature falls in: the warmest band whose lower bound it reaches.</summary>
    public SpreadingRate BandFor(double pavementCelsius) =>
        EffectiveRates.Where(r => r.FromCelsius is { } from && pavementCelsius >= from).MaxBy(r => r.FromCelsius)
        ?? EffectiveRates.Where(r => r.FromCelsius is null).FirstOrDefault()
        ?? EffectiveRates.MinBy(r => r.FromCelsius)!;

    /// <summary>Grams per square metre at this pavement temperature, pre-wetting included.</summary>
    public double RateFor(double pavementCelsius) => BandFor(pavementCelsius).GramsPerSquareMeter * (PreWetted ? PreWettedFactor : 1);

    /// <summary>De-icer for one pass over a street: rate × length × lane width.</summary>
    public static double Kilograms(double gramsPerSquareMeter, double lengthMeters, double laneWidthMeters) =>
        gramsPerSquareMeter * lengthMeters * laneWidthMeters / 1000;
}
