namespace SnowOps.Optimizer.Tests;

public class When_the_search_is_cancelled
{
    [Fact]
    public void Should_return_the_best_feasible_solution_found_so_far()
    {
        var (instance, problem) = Solving.Load("val", "val10D");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var solution = ArcSolver.Solve(problem, new SolverOptions(TimeSpan.FromMinutes(5)), cancellation.Token);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var check = Solving.Validate(instance, problem, solution);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Equal(check.Cost, solution.Cost);
    }

    [Fact]
    public void Should_throw_when_cancelled_before_it_starts()
    {
        var (_, problem) = Solving.Load("gdb", "gdb1");

        Assert.Throws<OperationCanceledException>(() =>
            ArcSolver.Solve(problem, new SolverOptions(TimeSpan.FromSeconds(1)), new CancellationToken(canceled: true)));
    }
}
