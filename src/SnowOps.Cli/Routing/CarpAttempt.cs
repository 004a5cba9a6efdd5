using System.Diagnostics;
using SnowOps.Optimizer;
using SnowOps.Optimizer.Carp;

namespace SnowOps.Cli.Routing;

/// <summary>
/// One solver's answer to one instance, already checked by <see cref="CarpValidator"/>: a cost is only ever reported
/// for a solution that serves every required edge once, within capacity, at the cost the validator recomputes.
/// </summary>
/// <param name="Answer">The routes in the file's ids; null when the solver failed or found nothing.</param>
/// <param name="Failure">Why the answer does not count; null when it is valid.</param>
public sealed record CarpAttempt(CarpAnswer? Answer, double Seconds, string? Failure)
{
    public bool Valid => Failure is null;

    /// <summary>The validated cost, or null for a failure.</summary>
    public long? Cost => Valid ? Answer?.Cost : null;

    /// <summary>SnowOps' own solver, within the time limit.</summary>
    public static CarpAttempt SnowOps(CarpInstance instance, TimeSpan limit, int seed, CancellationToken cancellationToken) =>
        Run(instance, problem => ArcSolver.Solve(problem, new SolverOptions(limit, seed), cancellationToken));

    /// <summary>OR-Tools' routing solver on the node-routing form of the instance, within the same time limit.</summary>
    public static CarpAttempt OrTools(CarpInstance instance, TimeSpan limit) =>
        Run(instance, problem => OrToolsBaseline.Solve(problem, OrToolsBaseline.Fleet(problem, instance.Vehicles), limit));

    /// <summary>Times the solve (problem building included) and checks what comes back.</summary>
    static CarpAttempt Run(CarpInstance instance, Func<ArcProblem, ArcSolution?> solve)
    {
        var clock = Stopwatch.StartNew();
        var problem = instance.ToProblem();
        var solution = solve(problem);
        var seconds = clock.Elapsed.TotalSeconds;
        if (solution is null)
            return new CarpAttempt(null, seconds, "no solution found");
        var answer = CarpAnswer.From(instance, problem, solution, seconds);
        return new CarpAttempt(answer, seconds, Check(instance, answer));
    }

    /// <summary>Why an answer is not a valid solution of the instance, or null when it is.</summary>
    public static string? Check(CarpInstance instance, CarpAnswer answer)
    {
        var check = CarpValidator.Check(instance, answer.ToRoutes());
        if (!check.Valid)
            return $"invalid: {string.Join(" ", check.Errors.Take(3))}{(check.Errors.Count > 3 ? $" (and {check.Errors.Count - 3} more)" : "")}";
        // A cost the validator cannot reproduce would put a wrong number in the table.
        return check.Cost == answer.Cost ? null : $"invalid: claims cost {answer.Cost}, the validator finds {check.Cost}";
    }
}
