namespace SnowOps.Optimizer.Carp;

/// <summary>One route as the CLI prints it: the required edges served, in order, as 1-based (from, to) in the direction driven.</summary>
public sealed record CarpRoute(IReadOnlyList<(int From, int To)> Services);

/// <summary>What the validator found: the cost recomputed from scratch, and every rule broken.</summary>
public sealed record CarpCheck(long Cost, IReadOnlyList<string> Errors)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Checks a solution against the instance alone, sharing no code with the solver: shortest paths by Floyd–Warshall,
/// every required edge served exactly once, every route within capacity, and the cost recomputed.
/// </summary>
public static class CarpValidator
{
    public static CarpCheck Check(CarpInstance instance, IReadOnlyList<CarpRoute> routes)
    {
        var errors = new List<string>();
        var paths = FloydWarshall(instance);
        var required = new Dictionary<(int, int), CarpEdge>();
        foreach (var e in instance.Required)
            required[(Math.Min(e.U, e.V), Math.Max(e.U, e.V))] = e;
        var served = new HashSet<(int, int)>();
        long total = 0;
        for (var r = 0; r < routes.Count; r++)
        {
            long load = 0;
            var at = instance.Depot;
            foreach (var (from, to) in routes[r].Services)
            {
                var key = (Math.Min(from, to), Math.Max(from, to));
                if (!required.TryGetValue(key, out var edge))
                {
                    errors.Add($"Route {r + 1} serves ({from}, {to}), which is not a required edge.");
                    continue;
                }
                if (!served.Add(key))
                    errors.Add($"The edge ({from}, {to}) is served more than once.");
                total += paths[at, from] + edge.Cost;
                load += edge.Demand;
                at = to;
            }
            total += paths[at, instance.Depot];
            if (load > instance.Capacity)
                errors.Add($"Route {r + 1} carries {load}, more than the capacity {instance.Capacity}.");
        }
        foreach (var (key, _) in required.Where(p => !served.Contains(p.Key)))
            errors.Add($"The required edge ({key.Item1}, {key.Item2}) is never served.");
        return new CarpCheck(total, errors);
    }

    static long[,] FloydWarshall(CarpInstance instance)
    {
        var n = instance.Vertices;
        var d = new long[n + 1, n + 1];
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= n; j++)
                d[i, j] = i == j ? 0 : long.MaxValue / 4;
        foreach (var e in instance.Edges)
        {
            d[e.U, e.V] = Math.Min(d[e.U, e.V], e.Cost);
            d[e.V, e.U] = Math.Min(d[e.V, e.U], e.Cost);
        }
        for (var k = 1; k <= n; k++)
            for (var i = 1; i <= n; i++)
                for (var j = 1; j <= n; j++)
                    if (d[i, k] + d[k, j] < d[i, j])
                        d[i, j] = d[i, k] + d[k, j];
        return d;
    }
}
