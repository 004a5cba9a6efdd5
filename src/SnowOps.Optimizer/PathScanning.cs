namespace SnowOps.Optimizer;

/// <summary>
/// Path scanning (Golden, DeArmon and Baker 1983): each route repeatedly serves the nearest unserved task that still fits,
/// breaking ties by the given rule, and returns to the depot when nothing fits.
/// </summary>
public static class PathScanning
{
    /// <summary>Tie-break rules: prefer far from depot, near to depot, or none (first found).</summary>
    public enum Rule { FarFromDepot, NearToDepot, First }

    public static ArcSolution Build(ArcProblem problem, Rule rule = Rule.FarFromDepot)
    {
        var d = problem.Distances;
        var open = new HashSet<int>(problem.Tasks.Select(t => t.Id));
        var routes = new List<IReadOnlyList<Visit>>();
        while (open.Count > 0)
        {
            var visits = new List<Visit>();
            long load = 0, cost = 0;
            var at = problem.Depot;
            while (true)
            {
                Visit? best = null;
                long bestDistance = long.MaxValue, bestTie = 0;
                foreach (var id in open)
                {
                    var task = problem.Tasks[id];
                    if (load + task.Demand > problem.Capacity)
                        continue;
                    for (var way = 0; way < (task.EitherWay ? 2 : 1); way++)
                    {
                        var reversed = way == 1;
                        var (from, to) = reversed ? (task.To, task.From) : (task.From, task.To);
                        long distance = d[at, from];
                        if (cost + distance + task.Cost + d[to, problem.Depot] > problem.MaxRouteCost && visits.Count > 0)
                            continue;
                        var tie = rule switch { Rule.FarFromDepot => d[to, problem.Depot], Rule.NearToDepot => -d[to, problem.Depot], _ => 0 };
                        if (distance < bestDistance || (distance == bestDistance && tie > bestTie))
                            (best, bestDistance, bestTie) = (new Visit(id, reversed), distance, tie);
                    }
                }
                if (best is not { } chosen)
                    break;
                var served = problem.Tasks[chosen.Task];
                visits.Add(chosen);
                open.Remove(chosen.Task);
                load += served.Demand;
                cost += bestDistance + served.Cost;
                at = chosen.Reversed ? served.From : served.To;
            }
            if (visits.Count == 0)
                throw new ArgumentException("A task fits in no route: check capacity and shift limits.");
            routes.Add(visits);
        }
        return ArcSolution.From(problem, routes);
    }
}
