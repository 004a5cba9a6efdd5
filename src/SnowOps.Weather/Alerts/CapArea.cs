using System.Globalization;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SnowOps.Weather.Alerts;

/// <summary>Turns CAP <c>polygon</c> ("lat,lon lat,lon ...") and <c>circle</c> ("lat,lon radius-km") into one geometry.</summary>
public static class CapArea
{
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    const double KilometresPerDegree = 111.32;

    /// <summary>Half the Earth's circumference: any wider circle covers the whole planet and is a typo or a probe.</summary>
    const double MaxRadiusKm = 20_038;

    /// <summary>Refuses absurd documents by counting before any geometry is built.</summary>
    public static void CheckSize(IReadOnlyCollection<XElement> areas, XNamespace ns, AlertLimits limits)
    {
        if (areas.Count > limits.MaxAreas)
            throw new AlertRejected($"The alert has {areas.Count} areas; SnowOps takes at most {limits.MaxAreas}.");
        var polygons = areas.Elements(ns + "polygon").ToList();
        var shapes = polygons.Count + areas.Elements(ns + "circle").Count();
        var points = polygons.Sum(p => p.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        AreaChecks.Size(shapes, points, limits);
    }

    /// <summary>The union of the areas' shapes (null when they have none) and notes on what had to be repaired.</summary>
    public static (Geometry? Area, IReadOnlyList<string> Notes) Read(IEnumerable<XElement> areas, XNamespace ns)
    {
        var parts = new List<Geometry>();
        var notes = new List<string>();
        foreach (var area in areas)
        {
            var name = ((string?)area.Element(ns + "areaDesc"))?.Trim();
            var what = string.IsNullOrEmpty(name) ? "the polygon" : $"the polygon of '{Shorten(name)}'";
            parts.AddRange(area.Elements(ns + "polygon").Select(p => Polygon(p.Value, what, notes)));
            parts.AddRange(area.Elements(ns + "circle").Select(c => Circle(c.Value)));
        }
        if (parts.Count == 0)
            return (null, notes);
        return (Union(parts), notes);
    }

    static Geometry Union(List<Geometry> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        try
        {
            var union = Factory.BuildGeometry(parts).Union();
            union.SRID = 4326;
            return union;
        }
        catch (TopologyException e)
        {
            // Every part is valid by now; should the overlay still fail, say so rather than answer 500.
            throw new AlertRejected($"The alert's polygons and circles cannot be combined into one area: {e.Message}");
        }
    }

    static Geometry Polygon(string text, string what, List<string> notes)
    {
        var coordinates = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Point).ToArray();
        if (coordinates.Length < 4)
            throw new AlertRejected($"A CAP polygon needs at least four points; this one has {coordinates.Length}.");
        if (!coordinates[0].Equals2D(coordinates[^1]))
            throw new AlertRejected("A CAP polygon must close: its first and last points differ.");
        // Agencies draw rings in either direction and sometimes cross them: repair, and say so.
        return AreaChecks.Repair(Factory.CreatePolygon(coordinates), what, notes);
    }

    static Polygon Circle(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radiusKm))
            throw new AlertRejected($"A CAP circle is 'lat,lon radius-km'; '{Shorten(text)}' is not.");
        if (!double.IsFinite(radiusKm) || radiusKm is < 0 or > MaxRadiusKm)
            throw new AlertRejected($"A CAP circle's radius is kilometres from 0 to {MaxRadiusKm}; '{Shorten(parts[1])}' is not.");
        var centre = Point(parts[0]);
        // Radius in degrees of latitude, widened in longitude by the latitude's cosine.
        var circle = (Polygon)Factory.CreatePoint(centre).Buffer(Math.Max(radiusKm, 0.01) / KilometresPerDegree, 16);
        var stretch = 1 / Math.Max(Math.Cos(centre.Y * Math.PI / 180), 0.01);
        var scaled = AffineTransformation.ScaleInstance(stretch, 1, centre.X, centre.Y).Transform(circle);
        return (Polygon)scaled;
    }

    static Coordinate Point(string pair)
    {
        var latLon = pair.Split(',');
        if (latLon.Length != 2
            || !double.TryParse(latLon[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(latLon[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            throw new AlertRejected($"'{Shorten(pair)}' is not a CAP point 'latitude,longitude'.");
        AreaChecks.Coordinate(lat, lon, Shorten(pair));
        return new Coordinate(lon, lat);
    }

    /// <summary>Hostile values can be a megabyte long; a message quotes only their start.</summary>
    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
