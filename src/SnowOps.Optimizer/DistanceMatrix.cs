namespace SnowOps.Optimizer;

/// <summary>All-pairs shortest deadheading costs on a directed graph, by one Dijkstra per vertex.</summary>
public sealed class DistanceMatrix
{
    public const int Unreachable = int.MaxValue;
    readonly int[] costs;

    DistanceMatrix(int vertexCount, int[] costs)
    {
        VertexCount = vertexCount;
        this.costs = costs;
    }

    public int VertexCount { get; }

    /// <summary>The costs row by row (<c>from * VertexCount + to</c>), for the solver's inner loops.</summary>
    internal int[] Rows => costs;

    public int this[int from, int to] => costs[from * VertexCount + to];

    public bool Reachable(int from, int to) => this[from, to] != Unreachable;

    /// <summary>Builds the matrix from directed arcs (an undirected street is two arcs).</summary>
    public static DistanceMatrix Build(int vertexCount, IEnumerable<(int From, int To, int Cost)> arcs)
    {
        var outgoing = new List<(int To, int Cost)>[vertexCount];
        for (var v = 0; v < vertexCount; v++)
            outgoing[v] = [];
        foreach (var (from, to, cost) in arcs)
        {
            if (cost < 0)
                throw new ArgumentException($"The arc {from}→{to} has a negative cost.");
            outgoing[from].Add((to, cost));
        }

        var costs = new int[vertexCount * vertexCount];
        Array.Fill(costs, Unreachable);
        var queue = new PriorityQueue<int, long>();
        for (var source = 0; source < vertexCount; source++)
        {
            var row = source * vertexCount;
            costs[row + source] = 0;
            queue.Enqueue(source, 0);
            while (queue.TryDequeue(out var at, out var distance))
            {
                if (distance > costs[row + at])
                    continue;
                foreach (var (to, cost) in outgoing[at])
                {
                    var next = distance + cost;
                    if (next < costs[row + to])
                    {
                        costs[row + to] = checked((int)next);
                        queue.Enqueue(to, next);
                    }
                }
            }
        }
        return new DistanceMatrix(vertexCount, costs);
    }
}
