using SnowOps.Optimizer.Search;

namespace SnowOps.Optimizer;

/// <summary>The entry point: solves an <see cref="ArcProblem"/> within the options' time limit.</summary>
public static class ArcSolver
{
    /// <summary>
    /// Runs a hybrid genetic search (after Vidal's HGS-CARP) until the time limit, the iteration limit or cancellation,
    /// and returns the best feasible solution found: every route within capacity and shift, every task served once,
    /// edges in the direction that suits the route best, one-way arcs forward. Progress is told of each new best.
    /// </summary>
    /// <remarks>
    /// Task priorities are ignored: the planner solves each priority class as its own problem.
    /// Cancellation after the search has started is not an error: the best solution found so far is returned (the
    /// constructive start is feasible, so there always is one). Cancellation before the start throws
    /// <see cref="OperationCanceledException"/>. The same seed and problem give the same solution when
    /// <see cref="SolverOptions.MaxIterations"/> ends the search before the time limit.
    /// </remarks>
    /// <exception cref="ArgumentException">The problem cannot be solved (see <see cref="ArcProblem.EnsureSolvable"/>).</exception>
    public static ArcSolution Solve(ArcProblem problem, SolverOptions options, CancellationToken cancellationToken = default) =>
        Solve(problem, options, new SearchParameters(), cancellationToken);

    internal static ArcSolution Solve(ArcProblem problem, SolverOptions options, SearchParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        problem.EnsureSolvable();
        cancellationToken.ThrowIfCancellationRequested();
        if (problem.Tasks.Count == 0)
        {
            options.Progress?.Report(new SolverProgress(TimeSpan.Zero, 0, 0));
            return new ArcSolution([], 0);
        }
        var stop = new StopCondition(options.TimeLimit, cancellationToken);
        return new GeneticSearch(problem, options, stop, parameters).Run();
    }
}
