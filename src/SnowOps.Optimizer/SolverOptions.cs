namespace SnowOps.Optimizer;

/// <summary>How long and how the search runs.</summary>
/// <param name="TimeLimit">The search stops at this limit and returns the best solution found (anytime).</param>
/// <param name="Seed">The same seed and the same problem give the same solution, given the same number of iterations.</param>
/// <param name="Progress">Told of each new best solution.</param>
public sealed record SolverOptions(TimeSpan TimeLimit, int Seed = 1, IProgress<SolverProgress>? Progress = null)
{
    /// <summary>
    /// Stops after this many generations (one offspring each) even when time remains; null runs until the time limit.
    /// With a limit that is reached before <see cref="TimeLimit"/>, the result no longer depends on the machine's speed.
    /// </summary>
    public long? MaxIterations { get; init; }
}

/// <summary>A new best solution was found.</summary>
public sealed record SolverProgress(TimeSpan Elapsed, long Iteration, long Cost);
