namespace SnowOps.Optimizer.Carp;

/// <summary>The CLI's JSON contract for one solved instance.</summary>
public sealed record CarpAnswer(string Instance, long Cost, double Seconds, IReadOnlyList<CarpAnswerRoute> Routes)
{
    /// <summary>Translates a solution back into the file's 1-based vertex ids, in the direction driven.</summary>
    public static CarpAnswer From(CarpInstance instance, ArcProblem problem, ArcSolution solution, double seconds) =>
        new(instance.Name, solution.Cost, Math.Round(seconds, 3), solution.Routes.Select(route => new CarpAnswerRoute(
            route.Load,
            route.Cost,
            route.Visits.Select(v =>
            {
                var task = problem.Tasks[v.Task];
                return v.Reversed ? new[] { task.To + 1, task.From + 1 } : new[] { task.From + 1, task.To + 1 };
            }).ToList())).ToList());

    public IReadOnlyList<CarpRoute> ToRoutes() =>
        Routes.Select(r => new CarpRoute(r.Services.Select(s => (s[0], s[1])).ToList())).ToList();
}

public sealed record CarpAnswerRoute(long Load, long Cost, IReadOnlyList<int[]> Services);
