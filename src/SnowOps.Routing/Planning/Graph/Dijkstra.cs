namespace SnowOps.Routing.Planning.Graph;

/// <summary>
/// Shortest paths on a <see cref="RoadGraph"/> with integer arc costs (seconds per segment). One instance reuses its
/// arrays from search to search, resetting only what the last search touched, so many short searches stay cheap.
/// </summary>
public sealed class Dijkstra
{
    public const long Unreached = long.MaxValue;
    readonly RoadGraph _graph;
    readonly int[] _costs;
    readonly long[] _distance;
    readonly int[] _arc;
    readonly bool[] _settled;
    readonly List<int> _touched = [];
    readonly PriorityQueue<int, long> _queue = new();

    public Dijkstra(RoadGraph graph, int[] segmentCosts)
    {
        _graph = graph;
        _costs = segmentCosts;
        _distance = new long[graph.VertexCount];
        _arc = new int[graph.VertexCount];
        _settled = new bool[graph.VertexCount];
        Array.Fill(_distance, Unreached);
    }

    public long Distance(int vertex) => _distance[vertex];

    /// <summary>Arc slot (in the adjacency searched) that reached a vertex, or -1.</summary>
    public int ArcInto(int vertex) => _arc[vertex];

    public bool Settled(int vertex) => _settled[vertex];

    /// <summary>
    /// Searches from <paramref name="source"/> (towards it when <paramref name="backward"/>), settling vertices in order
    /// of distance; <paramref name="onSettled"/> may stop the search by returning false.
    /// </summary>
    public void Run(int source, bool backward = false, Func<int, bool>? onSettled = null)
    {
        foreach (var v in _touched)
        {
            _distance[v] = Unreached;
            _settled[v] = false;
        }
        _touched.Clear();
        _queue.Clear();
        var adjacency = backward ? _graph.Backward : _graph.Forward;
        Reach(source, 0, -1);
        while (_queue.TryDequeue(out var at, out var distance))
        {
            if (_settled[at] || distance > _distance[at])
                continue;
            _settled[at] = true;
            if (onSettled is not null && !onSettled(at))
                return;
            for (var slot = adjacency.First[at]; slot < adjacency.First[at + 1]; slot++)
            {
                var next = distance + _costs[adjacency.Segment[slot]];
                var other = adjacency.Other[slot];
                if (next < _distance[other])
                    Reach(other, next, slot);
            }
        }
    }

    void Reach(int vertex, long distance, int slot)
    {
        if (_distance[vertex] == Unreached)
            _touched.Add(vertex);
        _distance[vertex] = distance;
        _arc[vertex] = slot;
        _queue.Enqueue(vertex, distance);
    }

    /// <summary>Distances from (or, backward, to) one vertex to every vertex.</summary>
    public long[] All(int source, bool backward = false)
    {
        Run(source, backward);
        return (long[])_distance.Clone();
    }

    /// <summary>The segments of a shortest path, in driving order, each with whether it is driven against its direction; null when there is none.</summary>
    public List<(int Segment, bool Reversed)>? Path(int from, int to)
    {
        if (from == to)
            return [];
        Run(from, onSettled: v => v != to);
        if (!_settled[to])
            return null;
        var path = new List<(int, bool)>();
        for (var v = to; v != from;)
        {
            var slot = _arc[v];
            path.Add((_graph.Forward.Segment[slot], _graph.Forward.Reversed[slot]));
            v = TailOf(slot);
        }
        path.Reverse();
        return path;
    }

    int TailOf(int slot)
    {
        var segment = _graph.Forward.Segment[slot];
        return _graph.Forward.Reversed[slot] ? _graph.SegmentTo[segment] : _graph.SegmentFrom[segment];
    }
}
