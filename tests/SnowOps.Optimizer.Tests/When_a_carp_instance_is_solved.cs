namespace SnowOps.Optimizer.Tests;

public class When_a_carp_instance_is_solved
{
    [Theory]
    [InlineData("gdb", "gdb8")]
    [InlineData("gdb", "gdb13")]
    [InlineData("val", "val1C")]
    [InlineData("val", "val4D")]
    [InlineData("kshs", "kshs1")]
    [InlineData("bmcv", "C16")]
    public void Should_give_a_solution_the_validator_accepts_at_the_reported_cost(string set, string name)
    {
        var (instance, problem) = Solving.Load(set, name);

        var solution = ArcSolver.Solve(problem, new SolverOptions(Solving.Generous) { MaxIterations = 80 });

        var check = Solving.Validate(instance, problem, solution);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.Equal(check.Cost, solution.Cost);
        Solving.AssertFeasible(problem, solution);
    }

    [Theory]
    [InlineData("gdb1", 316)]
    [InlineData("gdb2", 339)]
    [InlineData("gdb4", 287)]
    [InlineData("gdb10", 275)]
    public void Should_reach_the_proven_optimum_of_a_small_gdb_instance_quickly(string name, long optimum)
    {
        var (_, problem) = Solving.Load("gdb", name);

        var solution = ArcSolver.Solve(problem, new SolverOptions(Solving.Generous) { MaxIterations = 100 });

        Assert.Equal(optimum, solution.Cost);
    }

    [Fact]
    public void Should_give_the_same_solution_for_the_same_seed_and_iterations()
    {
        var (_, problem) = Solving.Load("val", "val2C");
        var options = new SolverOptions(Solving.Generous, Seed: 42) { MaxIterations = 60 };

        var first = ArcSolver.Solve(problem, options);
        var second = ArcSolver.Solve(problem, options);

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(first.Routes.Select(r => r.Visits.ToList()), second.Routes.Select(r => r.Visits.ToList()));
    }

    [Fact]
    public void Should_report_ever_lower_costs_ending_with_the_solution_returned()
    {
        var (_, problem) = Solving.Load("val", "val5D");
        var recorder = new Recorder();

        var solution = ArcSolver.Solve(problem, new SolverOptions(Solving.Generous, Progress: recorder) { MaxIterations = 200 });

        var costs = recorder.Reports.Select(r => r.Cost).ToList();
        Assert.True(costs.Count >= 2, $"only {costs.Count} report(s)");
        Assert.All(costs.Zip(costs.Skip(1)), pair => Assert.True(pair.Second < pair.First, $"{pair.Second} after {pair.First}"));
        Assert.Equal(solution.Cost, costs[^1]);
        var elapsed = recorder.Reports.Select(r => r.Elapsed).ToList();
        Assert.Equal(elapsed.Order(), elapsed);
    }

    [Fact]
    public void Should_stop_at_the_time_limit()
    {
        var (instance, problem) = Solving.Load("bmcv", "E15");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var solution = ArcSolver.Solve(problem, new SolverOptions(TimeSpan.FromMilliseconds(500)));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.True(Solving.Validate(instance, problem, solution).Valid);
    }
}
