using SnowOps.Routing.Network;
using SnowOps.Routing.Network.Import;

namespace SnowOps.Routing.Planning.Graph;

/// <summary>
/// Which intersection each end of a segment is. Segments stored with node ids use them; segments without (both ids
/// zero) get the ids the GeoJSON import would have given their end coordinates.
/// </summary>
public static class NodeKeys
{
    public static (long From, long To) Of(RoadSegment segment)
    {
        if (segment.FromNode != 0 || segment.ToNode != 0)
            return (segment.FromNode, segment.ToNode);
        var line = segment.Geometry.Coordinates;
        return (CoordinateNode.Id(line[0].X, line[0].Y), CoordinateNode.Id(line[^1].X, line[^1].Y));
    }
}
