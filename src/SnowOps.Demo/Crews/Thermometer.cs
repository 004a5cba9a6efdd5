namespace SnowOps.Demo.Crews;

/// <summary>
/// Plausible indoor readings: each compound has its own warmth, from about 15.5 °C to 22.5 °C (so a third of them fall
/// below an 18 °C standard), the same on every run, and each home a few tenths around it; after a repair, warmer.
/// </summary>
public static class Thermometer
{
    static readonly double[] Spread = [0.1, -0.2, 0.3, 0.0, -0.1];

    public static double CompoundCelsius(string compoundId)
    {
        var hash = compoundId.Aggregate(17u, (h, c) => unchecked((h * 31) + c));
        return 15.5 + (hash % 71) / 10.0;
    }

    /// <summary>A repaired compound's heating gives it <see cref="RepairGainCelsius"/> more.</summary>
    public const double RepairGainCelsius = 3;

    public static IReadOnlyList<double> Readings(string compoundId, int home, bool repaired = false) =>
        Spread.Select(s => Math.Round(CompoundCelsius(compoundId) + (repaired ? RepairGainCelsius : 0) + s + (home % 3 - 1) * 0.2, 1)).ToList();
}
