using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>A small OpenStreetMap file built by hand and written as PBF, to read through the real import.</summary>
public sealed class OsmFile
{
    readonly List<Node> _nodes = [];
    readonly List<Way> _ways = [];

    /// <summary>A node at <paramref name="lon"/>, <paramref name="lat"/>.</summary>
    public OsmFile Node(long id, double lon, double lat, params (string Key, string Value)[] tags)
    {
        _nodes.Add(new Node { Id = id, Longitude = lon, Latitude = lat, Tags = Tags(tags), Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "spec", Visible = true });
        return this;
    }

    public OsmFile Way(long id, long[] nodes, params (string Key, string Value)[] tags)
    {
        _ways.Add(new Way { Id = id, Nodes = nodes, Tags = Tags(tags), Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "spec", Visible = true });
        return this;
    }

    public byte[] ToPbf()
    {
        using var stream = new MemoryStream();
        var target = new PBFOsmStreamTarget(stream, true, null, null);
        target.Initialize();
        foreach (var node in _nodes.OrderBy(n => n.Id))
            target.AddNode(node);
        foreach (var way in _ways.OrderBy(w => w.Id))
            target.AddWay(way);
        target.Flush();
        target.Close();
        return stream.ToArray();
    }

    public List<RoadSegment> Read(RoutingOptions? options = null) =>
        NetworkImport.Read(new MemoryStream(ToPbf()), NetworkFormat.OsmPbf, options ?? new RoutingOptions());

    static readonly DateTime Stamp = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    static TagsCollection Tags((string Key, string Value)[] tags) => new(tags.Select(t => new Tag(t.Key, t.Value)));
}
