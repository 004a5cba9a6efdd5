using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Planning.Graph;

/// <summary>
/// The street network as a directed graph: intersections are vertices, each drivable direction of a segment an arc
/// (a two-way segment gives two). Blocked segments give no arc. Arrays in compressed form, forward and backward.
/// </summary>
public sealed class RoadGraph
{
    RoadGraph(IReadOnlyList<RoadSegment> segments, Coordinate[] points, int[] segmentFrom, int[] segmentTo, Adjacency forward, Adjacency backward)
    {
        Segments = segments;
        Points = points;
        SegmentFrom = segmentFrom;
        SegmentTo = segmentTo;
        Forward = forward;
        Backward = backward;
    }

    public IReadOnlyList<RoadSegment> Segments { get; }

    /// <summary>Where each vertex lies (lon/lat).</summary>
    public Coordinate[] Points { get; }
    public int VertexCount => Points.Length;

    /// <summary>Vertex each segment (by its index in <see cref="Segments"/>) starts and ends at.</summary>
    public int[] SegmentFrom { get; }
    public int[] SegmentTo { get; }
    public Adjacency Forward { get; }

    /// <summary>The same arcs, listed at their head: for shortest paths towards a vertex.</summary>
    public Adjacency Backward { get; }

    /// <summary>Arcs leaving (or, backward, entering) each vertex; an arc knows its segment and whether it runs against it.</summary>
    public sealed record Adjacency(int[] First, int[] Other, int[] Segment, bool[] Reversed);

    public static RoadGraph Build(IReadOnlyList<RoadSegment> segments, IReadOnlySet<long>? blocked = null)
    {
        var vertexOf = new Dictionary<long, int>();
        var points = new List<Coordinate>();
        var from = new int[segments.Count];
        var to = new int[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var (a, b) = NodeKeys.Of(segments[i]);
            var line = segments[i].Geometry.Coordinates;
            from[i] = Vertex(a, line[0]);
            to[i] = Vertex(b, line[^1]);
        }

        var arcs = new List<(int From, int To, int Segment, bool Reversed)>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (blocked?.Contains(segments[i].Id) == true)
                continue;
            arcs.Add((from[i], to[i], i, false));
            if (!segments[i].OneWay)
                arcs.Add((to[i], from[i], i, true));
        }
        var forward = Compress(points.Count, arcs, a => a.From, a => a.To);
        var backward = Compress(points.Count, arcs, a => a.To, a => a.From);
        return new RoadGraph(segments, [.. points], from, to, forward, backward);

        int Vertex(long key, Coordinate at)
        {
            if (!vertexOf.TryGetValue(key, out var index))
            {
                index = points.Count;
                vertexOf[key] = index;
                points.Add(at.Copy());
            }
            return index;
        }
    }

    static Adjacency Compress(int vertices, List<(int From, int To, int Segment, bool Reversed)> arcs,
        Func<(int From, int To, int Segment, bool Reversed), int> tail, Func<(int From, int To, int Segment, bool Reversed), int> head)
    {
        var first = new int[vertices + 1];
        foreach (var arc in arcs)
            first[tail(arc) + 1]++;
        for (var v = 0; v < vertices; v++)
            first[v + 1] += first[v];
        var next = (int[])first.Clone();
        var other = new int[arcs.Count];
        var segment = new int[arcs.Count];
        var reversed = new bool[arcs.Count];
        foreach (var arc in arcs)
        {
            var slot = next[tail(arc)]++;
            other[slot] = head(arc);
            segment[slot] = arc.Segment;
            reversed[slot] = arc.Reversed;
        }
        return new Adjacency(first, other, segment, reversed);
    }

    /// <summary>Seconds to drive each segment at a speed, at least one.</summary>
    public int[] SecondsAt(double kmh)
    {
        var metersPerSecond = kmh / 3.6;
        return Segments.Select(s => Math.Max(1, (int)Math.Round(s.LengthMeters / metersPerSecond))).ToArray();
    }

    /// <summary>The vertex nearest a point (straight line), among the given vertices or all of them.</summary>
    public int Nearest(double lon, double lat, IEnumerable<int>? among = null)
    {
        var target = new Coordinate(lon, lat);
        var cosLat = Math.Cos(lat * Math.PI / 180);
        var best = -1;
        var bestDistance = double.MaxValue;
        foreach (var v in among ?? Enumerable.Range(0, VertexCount))
        {
            var dx = (Points[v].X - target.X) * cosLat;
            var dy = Points[v].Y - target.Y;
            var distance = dx * dx + dy * dy;
            if (distance < bestDistance)
                (best, bestDistance) = (v, distance);
        }
        return best;
    }
}
