namespace SnowOps.Heating.Supply;

/// <summary>A heating curve: the supply-water temperature for an outdoor temperature, linear between its points and flat beyond its ends.</summary>
public sealed class SupplyCurve
{
    readonly IReadOnlyList<CurvePoint> _points;

    /// <param name="points">Warmest outdoor temperature first, as <see cref="SupplyValidation"/> requires.</param>
    public SupplyCurve(IReadOnlyList<CurvePoint> points)
    {
        if (points.Count == 0)
            throw new ArgumentException("A heating curve needs at least one point.", nameof(points));
        _points = points;
    }

    public double At(double outdoorCelsius)
    {
        if (outdoorCelsius >= _points[0].OutdoorCelsius)
            return _points[0].SupplyCelsius;
        for (var k = 1; k < _points.Count; k++)
        {
            var (warmer, colder) = (_points[k - 1], _points[k]);
            if (outdoorCelsius >= colder.OutdoorCelsius)
            {
                var share = (warmer.OutdoorCelsius - outdoorCelsius) / (warmer.OutdoorCelsius - colder.OutdoorCelsius);
                return warmer.SupplyCelsius + (colder.SupplyCelsius - warmer.SupplyCelsius) * share;
            }
        }
        return _points[^1].SupplyCelsius;
    }
}
