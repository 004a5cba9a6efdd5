using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Planning.Graph;

/// <summary>
/// Which intersection each end of a segment is. Segments imported with node ids use them; segments without (both
/// ids zero) get ids from their end coordinates rounded to 10⁻⁶ degrees (about 0.1 m), negative so they never meet an OSM id.
/// </summary>
public static class NodeKeys
{
    public static (long From, long To) Of(RoadSegment segment)
    {
        if (segment.FromNode != 0 || segment.ToNode != 0)
            return (segment.FromNode, segment.ToNode);
        var line = segment.Geometry.Coordinates;
        return (FromCoordinate(line[0]), FromCoordinate(line[^1]));
    }

    public static long FromCoordinate(Coordinate c)
    {
        var lat = (long)Math.Round((c.Y + 90) * 1e6);
        var lon = (long)Math.Round((c.X + 180) * 1e6);
        return -(1 + lat * 400_000_000L + lon);
    }
}
