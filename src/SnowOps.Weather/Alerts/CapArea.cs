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

    public static Geometry? Read(IEnumerable<XElement> areas, XNamespace ns)
    {
        var parts = new List<Geometry>();
        foreach (var area in areas)
        {
            parts.AddRange(area.Elements(ns + "polygon").Select(p => Polygon(p.Value)));
            parts.AddRange(area.Elements(ns + "circle").Select(c => Circle(c.Value)));
        }
        if (parts.Count == 0)
            return null;
        var union = parts.Count == 1 ? parts[0] : Factory.BuildGeometry(parts).Union();
        union.SRID = 4326;
        return union;
    }

    static Polygon Polygon(string text)
    {
        var coordinates = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Point).ToArray();
        if (coordinates.Length < 4)
            throw new AlertRejected($"A CAP polygon needs at least four points; this one has {coordinates.Length}.");
        if (!coordinates[0].Equals2D(coordinates[^1]))
            throw new AlertRejected("A CAP polygon must close: its first and last points differ.");
        var polygon = Factory.CreatePolygon(coordinates);
        // Agencies draw rings in either direction and sometimes cross them; repair rather than reject.
        return polygon.IsValid ? polygon : (Polygon)GeometryFixer.Fix(polygon).ConvexHull();
    }

    static Polygon Circle(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radiusKm) || radiusKm < 0)
            throw new AlertRejected($"A CAP circle is 'lat,lon radius-km'; '{text}' is not.");
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
            throw new AlertRejected($"'{pair}' is not a CAP point 'latitude,longitude'.");
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
            throw new AlertRejected($"'{pair}' is outside the range of latitude (-90..90) and longitude (-180..180).");
        return new Coordinate(lon, lat);
    }
}
