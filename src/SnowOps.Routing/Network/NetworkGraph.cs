namespace SnowOps.Routing.Network;

/// <summary>
/// The network as a graph: intersections are vertices, a one-way segment is an arc, a two-way segment an arc each way.
/// </summary>
public sealed class NetworkGraph
{
    readonly IReadOnlyList<SegmentFacts> _segments;
    readonly Dictionary<long, int> _vertex = [];
    readonly List<List<int>> _arcs = [];
    readonly List<int> _degree = [];

    public NetworkGraph(IReadOnlyList<SegmentFacts> segments)
    {
        _segments = segments;
        foreach (var segment in segments)
        {
            var from = Vertex(segment.FromNode);
            var to = Vertex(segment.ToNode);
            _degree[from]++;
            _degree[to]++;
            _arcs[from].Add(to);
            if (!segment.OneWay)
                _arcs[to].Add(from);
        }
    }

    /// <summary>Distinct segment ends.</summary>
    public int Nodes => _vertex.Count;

    /// <summary>Nodes where three or more segment ends meet.</summary>
    public int Intersections => _degree.Count(d => d >= 3);

    /// <summary>Nodes with a single segment end: dead ends and the edges of the map.</summary>
    public int DeadEnds => _degree.Count(d => d == 1);

    /// <summary>Parts of the network connected when one-way streets are ignored.</summary>
    public int WeakComponents()
    {
        var parent = Enumerable.Range(0, _vertex.Count).ToArray();
        int Root(int v)
        {
            while (parent[v] != v)
                v = parent[v] = parent[parent[v]];
            return v;
        }
        for (var v = 0; v < _arcs.Count; v++)
        {
            foreach (var w in _arcs[v])
                parent[Root(v)] = Root(w);
        }
        return Enumerable.Range(0, parent.Length).Count(v => Root(v) == v);
    }

    /// <summary>
    /// Strongly connected components (every vertex reaches every other, one-way streets respected): how many, and
    /// how many segments lie inside the largest (both ends in it): the part a plow can serve and come back from.
    /// </summary>
    public (int Count, int LargestSegments) StrongComponents()
    {
        var component = StrongComponentOfEachVertex(out var count);
        var segmentsIn = new int[count];
        foreach (var segment in _segments)
        {
            var from = component[_vertex[segment.FromNode]];
            if (from == component[_vertex[segment.ToNode]])
                segmentsIn[from]++;
        }
        return (count, count == 0 ? 0 : segmentsIn.Max());
    }

    /// <summary>Tarjan's algorithm, without recursion (a city's network is deeper than the call stack).</summary>
    int[] StrongComponentOfEachVertex(out int count)
    {
        var n = _vertex.Count;
        var index = Enumerable.Repeat(-1, n).ToArray();
        var low = new int[n];
        var component = Enumerable.Repeat(-1, n).ToArray();
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var calls = new Stack<(int Vertex, int NextArc)>();
        var counter = 0;
        count = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] != -1)
                continue;
            Visit(root);
            while (calls.Count > 0)
            {
                var (v, next) = calls.Pop();
                if (next < _arcs[v].Count)
                {
                    calls.Push((v, next + 1));
                    var w = _arcs[v][next];
                    if (index[w] == -1)
                        Visit(w);
                    else if (onStack[w])
                        low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = count;
                    }
                    while (w != v);
                    count++;
                }
                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Vertex;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return component;

        void Visit(int v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            calls.Push((v, 0));
        }
    }

    int Vertex(long node)
    {
        if (_vertex.TryGetValue(node, out var vertex))
            return vertex;
        vertex = _vertex.Count;
        _vertex[node] = vertex;
        _arcs.Add([]);
        _degree.Add(0);
        return vertex;
    }
}
