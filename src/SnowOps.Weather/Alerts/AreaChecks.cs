using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// What every alert area must be, whichever format it came in: coordinates on the Earth, not too many of
/// them, and a valid polygon. A polygon that crosses itself is repaired, not refused (agencies draw them by
/// hand), and the repair is written down as a note that travels with the alert to the response and the store.
/// </summary>
public static class AreaChecks
{
    public static void Coordinate(double lat, double lon, string text)
    {
        if (!double.IsFinite(lat) || !double.IsFinite(lon))
            throw new AlertRejected($"'{text}' is not a point on the Earth: latitude and longitude must be numbers.");
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
            throw new AlertRejected($"'{text}' is outside the range of latitude (-90..90) and longitude (-180..180).");
    }

    public static void Size(int shapes, int points, AlertLimits limits)
    {
        if (shapes > limits.MaxShapes)
            throw new AlertRejected($"The alert has {shapes} polygons and circles; SnowOps takes at most {limits.MaxShapes}.");
        if (points > limits.MaxPoints)
            throw new AlertRejected($"The alert's polygons have {points} points; SnowOps takes at most {limits.MaxPoints}.");
    }

    /// <summary>The polygon itself when valid, else GeometryFixer's repair of it, with a note saying what was wrong.</summary>
    public static Geometry Repair(Geometry polygon, string what, ICollection<string> notes)
    {
        if (polygon.IsValid)
            return polygon;
        var error = new IsValidOp(polygon).ValidationError;
        var repaired = GeometryFixer.Fix(polygon);
        if (repaired.IsEmpty || repaired.Area <= 0)
            throw new AlertRejected($"{Capital(what)} encloses no area ({error?.Message ?? "degenerate"}).");
        repaired.SRID = polygon.SRID;
        notes.Add($"area repaired: {what} {Why(error)}; the area it encloses was used.");
        return repaired;
    }

    static string Why(TopologyValidationError? error) => error?.ErrorType switch
    {
        TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection =>
            $"crossed itself near {error.Coordinate.Y.ToString("0.####", CultureInfo.InvariantCulture)},{error.Coordinate.X.ToString("0.####", CultureInfo.InvariantCulture)}",
        null => "was not a valid shape",
        _ => $"was not a valid shape ({error.Message})",
    };

    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
