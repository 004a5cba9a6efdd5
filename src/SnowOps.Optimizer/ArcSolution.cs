namespace SnowOps.Optimizer;

/// <summary>One task in a route, driven <c>From→To</c> or, when <see cref="Reversed"/>, <c>To→From</c>.</summary>
public readonly record struct Visit(int Task, bool Reversed);

/// <summary>A depot-to-depot route: the tasks it serves in order.</summary>
public sealed record ArcRoute(IReadOnlyList<Visit> Visits, long Load, long Cost);

/// <summary>A set of routes that together serve every task once.</summary>
public sealed record ArcSolution(IReadOnlyList<ArcRoute> Routes, long Cost)
{
    /// <summary>Rebuilds loads and costs from the visits alone, so a solution never carries a stale cost.</summary>
    public static ArcSolution From(ArcProblem problem, IEnumerable<IReadOnlyList<Visit>> routes)
    {
        var built = routes.Where(r => r.Count > 0).Select(visits => Route(problem, visits)).ToList();
        return new ArcSolution(built, built.Sum(r => r.Cost));
    }

    public static ArcRoute Route(ArcProblem problem, IReadOnlyList<Visit> visits)
    {
        long cost = 0, load = 0;
        var at = problem.Depot;
        foreach (var visit in visits)
        {
            var task = problem.Tasks[visit.Task];
            var (from, to) = visit.Reversed ? (task.To, task.From) : (task.From, task.To);
            cost += problem.Distances[at, from] + task.Cost;
            load += task.Demand;
            at = to;
        }
        return new ArcRoute(visits, load, cost + problem.Distances[at, problem.Depot]);
    }
}
