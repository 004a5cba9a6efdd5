using SnowOps.Routing;
using SnowOps.Routing.Network;

namespace SnowOps.Cli.Routing;

/// <summary>A real road network read from a file with the default rules, as <c>POST /api/network</c> would store it.</summary>
static class RealCity
{
    public static List<RoadSegment> Read(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        return NetworkImport.Read(file, NetworkFormats.FromFileName(path), new RoutingOptions(), cancellationToken);
    }
}
