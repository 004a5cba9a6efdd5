using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>
/// A route's road segments in the order served, projected to meters for matching positions against them.
/// The projection is equirectangular around the route's middle latitude: over a city's extent it is off by well
/// under a meter in a kilometer, far less than GPS error, and needs nothing but the coordinates.
/// </summary>
public sealed class RouteLine
{
    const double EarthRadius = 6_371_008.8;

    readonly double _lat0, _lon0, _cos0;
    readonly (double X, double Y)[][] _segments;

    RouteLine(IReadOnlyList<Coordinate[]> segments)
    {
        var all = segments.SelectMany(s => s).ToList();
        _lat0 = (all.Min(c => c.Y) + all.Max(c => c.Y)) / 2;
        _lon0 = (all.Min(c => c.X) + all.Max(c => c.X)) / 2;
        _cos0 = Math.Cos(_lat0 * Math.PI / 180);
        _segments = segments.Select(s => s.Select(c => Project(c.Y, c.X)).ToArray()).ToArray();
        Lengths = _segments.Select(Length).ToArray();
    }

    /// <summary>How many road segments the route has.</summary>
    public int Count => _segments.Length;

    /// <summary>Each segment's length in meters.</summary>
    public IReadOnlyList<double> Lengths { get; }

    public double TotalMeters => Lengths.Sum();

    /// <summary>
    /// The route in a task's WKT (WGS 84, lon lat): a MultiLineString with one LineString per road segment, or a single
    /// LineString taken as one segment; null for anything else (a point, an area, no place, text that is not WKT).
    /// </summary>
    public static RouteLine? Read(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
            return null;
        Geometry geometry;
        try
        {
            geometry = Wgs84.ReadWkt(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
        {
            return null;
        }
        IEnumerable<LineString> lines = geometry switch
        {
            MultiLineString many => many.Geometries.OfType<LineString>(),
            LineString one => [one],
            _ => [],
        };
        var segments = lines.Where(l => l.NumPoints >= 2).Select(l => l.Coordinates).ToList();
        return segments.Count == 0 ? null : new RouteLine(segments);
    }

    /// <summary>The segments' ends within <paramref name="toleranceMeters"/> of a position: a junction is the end of one and the start of the next.</summary>
    public IEnumerable<(int Segment, bool AtStart)> EndsNear(double latitude, double longitude, double toleranceMeters)
    {
        var p = Project(latitude, longitude);
        for (var i = 0; i < _segments.Length; i++)
        {
            if (Distance(p, _segments[i][0]) <= toleranceMeters)
                yield return (i, true);
            if (Distance(p, _segments[i][^1]) <= toleranceMeters)
                yield return (i, false);
        }
    }

    /// <summary>Meters from a position to the nearest point of any segment.</summary>
    public double DistanceMeters(double latitude, double longitude)
    {
        var p = Project(latitude, longitude);
        var nearest = double.MaxValue;
        foreach (var segment in _segments)
            for (var i = 1; i < segment.Length; i++)
                nearest = Math.Min(nearest, DistanceToPiece(p, segment[i - 1], segment[i]));
        return nearest;
    }

    (double X, double Y) Project(double latitude, double longitude) =>
        ((longitude - _lon0) * Math.PI / 180 * _cos0 * EarthRadius, (latitude - _lat0) * Math.PI / 180 * EarthRadius);

    static double Length((double X, double Y)[] points)
    {
        var length = 0.0;
        for (var i = 1; i < points.Length; i++)
            length += Distance(points[i - 1], points[i]);
        return length;
    }

    static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    static double DistanceToPiece((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var squared = dx * dx + dy * dy;
        var t = squared == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / squared, 0, 1);
        return Distance(p, (a.X + t * dx, a.Y + t * dy));
    }
}
