namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Node ids for sources without them (GeoJSON): the coordinate rounded to 7 decimals (about a centimetre, the
/// precision OSM keeps), latitude and longitude packed into one positive 64-bit number. Lines that touch at the
/// same rounded point share the node; different points never do.
/// </summary>
public static class CoordinateNode
{
    const double Scale = 1e7;

    public static long Id(double longitude, double latitude)
    {
        var lat = (long)Math.Round((latitude + 90) * Scale);   // 0 … 1.8e9 < 2^31
        var lon = (long)Math.Round((longitude + 180) * Scale); // 0 … 3.6e9 < 2^32
        return (lat << 32) | lon;
    }

    public static (double Longitude, double Latitude) Coordinate(long id) =>
        ((id & 0xFFFF_FFFFL) / Scale - 180, (id >> 32) / Scale - 90);
}
