namespace SnowOps.Optimizer;

/// <summary>The entry point: solves an <see cref="ArcProblem"/> within the options' time limit.</summary>
public static class ArcSolver
{
    public static ArcSolution Solve(ArcProblem problem, SolverOptions options, CancellationToken cancellationToken = default)
    {
        problem.EnsureSolvable();
        cancellationToken.ThrowIfCancellationRequested();
        var best = Enum.GetValues<PathScanning.Rule>().Select(rule => PathScanning.Build(problem, rule)).MinBy(s => s.Cost)!;
        options.Progress?.Report(new SolverProgress(TimeSpan.Zero, 0, best.Cost));
        return best;
    }
}
