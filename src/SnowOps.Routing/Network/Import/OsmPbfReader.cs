using NetTopologySuite.Geometries;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Reads an OpenStreetMap PBF extract in two passes: first the ways (the drivable streets, and the outlines of
/// hospitals and fire stations), then only the nodes those ways use, so memory follows the road network and not
/// the whole file. Emergency sites mapped as nodes are taken in the second pass.
/// </summary>
public static class OsmPbfReader
{
    sealed record WayRecord(long Id, Dictionary<string, string> Tags, long[] Nodes);

    static readonly GeometryFactory Outline = new();

    /// <summary>Reads a seekable stream; throws <see cref="FormatException"/> with the reason when it is not a readable PBF file.</summary>
    public static SourceNetwork Read(Stream stream, RoutingOptions options, CancellationToken cancellationToken = default)
    {
        PbfBlocks.Check(stream);
        try
        {
            var source = new PBFOsmStreamSource(stream);
            var (roads, siteOutlines, needed) = ReadWays(source, options, cancellationToken);
            source.Reset();
            var (points, sites) = ReadNodes(source, needed, options.Priorities, cancellationToken);

            var ways = roads.SelectMany(way => Runs(way, points)).ToList();
            sites.AddRange(siteOutlines.Select(outline => Centroid(outline, points)).OfType<AccessSite>());
            return new SourceNetwork(ways, sites);
        }
        catch (Exception e) when (e is not (FormatException or OperationCanceledException or OutOfMemoryException))
        {
            var why = e is EndOfStreamException ? "it ends in the middle of a block (is it cut short?)" : $"{e.GetType().Name}: {e.Message}";
            throw new FormatException($"The body is not a readable OpenStreetMap PBF file: {why}", e);
        }
    }

    static (List<WayRecord> Roads, List<WayRecord> SiteOutlines, HashSet<long> Needed) ReadWays(
        PBFOsmStreamSource source, RoutingOptions options, CancellationToken cancellationToken)
    {
        List<WayRecord> roads = [];
        List<WayRecord> siteOutlines = [];
        HashSet<long> needed = [];
        while (source.MoveNext(ignoreNodes: true, ignoreWays: false, ignoreRelations: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.Current() is not Way { Id: { } id, Nodes.Length: > 0, Tags.Count: > 0 } way)
                continue;
            var isRoad = way.Tags.ContainsKey("highway") && way.Nodes.Length >= 2;
            var isSite = way.Tags.TryGetValue("amenity", out var amenity) && options.Priorities.IsEmergencyAmenity(amenity);
            if (!isRoad && !isSite)
                continue;
            var record = new WayRecord(id, Copy(way.Tags), way.Nodes);
            if (isRoad && RoadTags.IsRoad(record.Tags, options.Roads))
                roads.Add(record);
            else if (isSite)
                siteOutlines.Add(record);
            else
                continue;
            needed.UnionWith(way.Nodes);
        }
        return (roads, siteOutlines, needed);
    }

    static (Dictionary<long, Coordinate> Points, List<AccessSite> Sites) ReadNodes(
        PBFOsmStreamSource source, HashSet<long> needed, PriorityRules rules, CancellationToken cancellationToken)
    {
        var points = new Dictionary<long, Coordinate>(needed.Count);
        List<AccessSite> sites = [];
        while (source.MoveNext(ignoreNodes: false, ignoreWays: true, ignoreRelations: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.Current() is not Node { Id: { } id, Latitude: { } lat, Longitude: { } lon } node)
                continue;
            if (lat is < -90 or > 90 || lon is < -180 or > 180 || !double.IsFinite(lat) || !double.IsFinite(lon))
                throw new FormatException($"Node {id} lies outside longitude -180..180 / latitude -90..90 ({lon}, {lat}).");
            if (needed.Contains(id))
                points[id] = new Coordinate(lon, lat);
            if (node.Tags is { Count: > 0 } tags && tags.TryGetValue("amenity", out var amenity) && rules.IsEmergencyAmenity(amenity))
                sites.Add(new AccessSite { Name = tags.GetValue("name"), Longitude = lon, Latitude = lat });
        }
        return (points, sites);
    }

    /// <summary>The way's stretches whose nodes are all in the file (an extract cut at its border lacks some).</summary>
    static IEnumerable<SourceWay> Runs(WayRecord way, Dictionary<long, Coordinate> points)
    {
        var start = 0;
        for (var i = 0; i <= way.Nodes.Length; i++)
        {
            if (i < way.Nodes.Length && points.ContainsKey(way.Nodes[i]))
                continue;
            if (i - start >= 2)
            {
                var nodes = way.Nodes[start..i];
                yield return new SourceWay(way.Id, way.Tags, nodes, nodes.Select(n => points[n].Copy()).ToArray());
            }
            start = i + 1;
        }
    }

    /// <summary>An emergency site mapped as an outline, placed at its centroid (its corners' mean when the outline is not closed).</summary>
    static AccessSite? Centroid(WayRecord outline, Dictionary<long, Coordinate> points)
    {
        if (!outline.Nodes.All(points.ContainsKey))
            return null;
        var corners = outline.Nodes.Select(n => points[n]).ToArray();
        var closed = corners.Length >= 4 && outline.Nodes[0] == outline.Nodes[^1];
        var centre = closed && Outline.CreatePolygon(corners) is { IsValid: true, Area: > 0 } area
            ? area.Centroid.Coordinate
            : new Coordinate(corners.Average(c => c.X), corners.Average(c => c.Y));
        return new AccessSite { Name = outline.Tags.GetValueOrDefault("name"), Longitude = centre.X, Latitude = centre.Y };
    }

    static Dictionary<string, string> Copy(TagsCollectionBase tags)
    {
        var copy = new Dictionary<string, string>(tags.Count, StringComparer.Ordinal);
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        return copy;
    }
}
