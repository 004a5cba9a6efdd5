using SnowOps.Optimizer;

namespace SnowOps.Routing.Planning.Graph;

/// <summary>
/// Exact shortest costs among a few vertices of a large graph (a sector's street ends and its depot), without a dense
/// matrix over the whole city. From each terminal a Dijkstra on the full graph runs until every terminal is settled; it
/// keeps only the costs whose path passes no other terminal. Those arcs are few, and shortest paths over them give the
/// full costs, so the optimizer's <see cref="DistanceMatrix"/> is built from them. Hubs (depots, far from the sector) get
/// one complete search each way instead of a bounded one.
/// </summary>
public static class TerminalMatrix
{
    public static DistanceMatrix Build(RoadGraph graph, int[] costs, IReadOnlyList<int> terminals, IReadOnlyCollection<int> hubs)
    {
        var local = new Dictionary<int, int>();
        foreach (var t in terminals)
            local.TryAdd(t, local.Count);
        if (local.Count != terminals.Count)
            throw new ArgumentException("Terminals must be distinct.");

        var arcs = new List<(int, int, int)>();
        var search = new Dijkstra(graph, costs);
        var isTerminal = new bool[graph.VertexCount];
        foreach (var t in terminals)
            isTerminal[t] = true;
        var viaTerminal = new bool[graph.VertexCount];
        var plain = terminals.Where(t => !hubs.Contains(t)).ToList();
        var settleLimit = Math.Max(20_000, 12 * terminals.Count);

        foreach (var source in plain)
        {
            var waiting = plain.Count;
            var settledCount = 0;
            search.Run(source, onSettled: v =>
            {
                settledCount++;
                var slot = search.ArcInto(v);
                // The path to v passes a terminal if the vertex before v is one (other than the source) or its path did.
                var before = slot < 0 ? -1 : Tail(graph, slot);
                viaTerminal[v] = before >= 0 && before != source && (isTerminal[before] || viaTerminal[before]);
                if (isTerminal[v] && !hubs.Contains(v))
                {
                    waiting--;
                    if (v != source && !viaTerminal[v])
                        arcs.Add((local[source], local[v], Cost(search.Distance(v))));
                }
                return waiting > 0 && settledCount < settleLimit;
            });
        }
        foreach (var hub in hubs.Where(local.ContainsKey))
        {
            var from = search.All(hub);
            var to = search.All(hub, backward: true);
            foreach (var t in terminals.Where(t => t != hub))
            {
                if (from[t] != Dijkstra.Unreached)
                    arcs.Add((local[hub], local[t], Cost(from[t])));
                if (to[t] != Dijkstra.Unreached)
                    arcs.Add((local[t], local[hub], Cost(to[t])));
            }
        }
        return DistanceMatrix.Build(local.Count, arcs);
    }

    static int Tail(RoadGraph graph, int slot)
    {
        var segment = graph.Forward.Segment[slot];
        return graph.Forward.Reversed[slot] ? graph.SegmentTo[segment] : graph.SegmentFrom[segment];
    }

    static int Cost(long seconds) => seconds >= int.MaxValue ? int.MaxValue - 1 : (int)seconds;
}
