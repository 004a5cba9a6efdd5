using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Heating.Registry;

/// <summary>Geometry as the registry takes it: WGS 84 longitude/latitude, valid, and of the kinds a compound or a station can be.</summary>
public static class RegistryGeometry
{
    static readonly GeometryFactory Factory = new(new PrecisionModel(), Wgs84.Srid);

    /// <summary>A row's geometry: its GeoJSON geometry, else its <c>wkt</c> field, else its <c>lon</c>/<c>lat</c> fields; null when it has none.</summary>
    public static Geometry? Of(ImportRow row, List<string> errors)
    {
        if (row.Geometry is { } geometry)
            return geometry;
        if (row.Text("wkt", "geometry") is { } wkt)
        {
            try
            {
                return Wgs84.ReadWkt(wkt);
            }
            catch (Exception e) when (e is ParseException or ArgumentException)
            {
                errors.Add($"wkt is not well-known text: {e.Message}");
                return null;
            }
        }
        var lon = row.Real(errors, "lon", "longitude", "lng", "x");
        var lat = row.Real(errors, "lat", "latitude", "y");
        if (lon is null && lat is null)
            return null;
        if (lon is null || lat is null)
        {
            errors.Add("lon and lat must be given together");
            return null;
        }
        return Factory.CreatePoint(new Coordinate(lon.Value, lat.Value));
    }

    /// <summary>Why a geometry cannot be kept, or null when it can.</summary>
    public static string? Problem(Geometry geometry, bool pointOnly)
    {
        if (geometry.IsEmpty)
            return "geometry is empty";
        var allowed = pointOnly ? geometry is Point : geometry is Point or Polygon or MultiPolygon;
        if (!allowed)
            return $"geometry is a {geometry.GeometryType}; expected {(pointOnly ? "a Point" : "a Polygon, MultiPolygon or Point")}";
        if (geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90))
            return "coordinates lie outside longitude −180..180 / latitude −90..90: send WGS 84 (EPSG:4326) lon/lat, not projected metres";
        if (!geometry.IsValid)
            return "geometry is not valid (a ring crosses itself or is not closed)";
        return null;
    }

    public static string? Wkt(Geometry? geometry) => geometry is null ? null : new WKTWriter().Write(geometry);

    public static bool Same(Geometry? a, Geometry? b) =>
        a is null ? b is null : b is not null && a.EqualsExact(b, 1e-9);
}
