using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>Geometry as SnowOps keeps it: longitude/latitude on WGS 84 (SRID 4326).</summary>
public static class Wgs84
{
    public const int Srid = 4326;

    /// <summary>Reads WKT (lon lat) and marks it WGS 84; throws <see cref="ParseException"/> for text that is not WKT.</summary>
    public static Geometry ReadWkt(string wkt)
    {
        var geometry = new WKTReader().Read(wkt);
        geometry.SRID = Srid;
        return geometry;
    }

    /// <summary>A valid polygon or multipolygon: what a zone or a warning's area must be.</summary>
    public static bool IsArea(Geometry geometry) => geometry.Dimension == Dimension.Surface && geometry.IsValid;
}
