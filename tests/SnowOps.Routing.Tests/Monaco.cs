using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>
/// The OpenStreetMap extract of Monaco kept in <c>shared/osm</c> (read-only, © OpenStreetMap contributors, ODbL),
/// found by walking up from the test's folder; read once for all the specs that use it.
/// </summary>
public static class Monaco
{
    static readonly Lazy<List<RoadSegment>> Network = new(() => Read(new RoutingOptions()));

    public static string File { get; } = Find();

    public static List<RoadSegment> Segments => Network.Value;

    public static List<RoadSegment> Read(RoutingOptions options)
    {
        using var file = System.IO.File.OpenRead(File);
        return NetworkImport.Read(file, NetworkFormat.OsmPbf, options);
    }

    static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "osm", "monaco.osm.pbf");
            if (System.IO.File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("shared/osm/monaco.osm.pbf was not found in any folder above " + AppContext.BaseDirectory);
    }
}
