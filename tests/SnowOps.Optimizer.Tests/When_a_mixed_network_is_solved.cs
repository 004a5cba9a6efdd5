namespace SnowOps.Optimizer.Tests;

public class When_a_mixed_network_is_solved
{
    [Fact]
    public void Should_keep_every_route_within_capacity_and_shift_and_drive_one_way_streets_forward()
    {
        var unlimited = MixedGrid.Build(width: 5, height: 5, capacity: 40);
        var loose = ArcSolver.Solve(unlimited, new SolverOptions(Solving.Generous) { MaxIterations = 40 });
        // A shift shorter than the longest route found without one, so the limit binds.
        var shift = loose.Routes.Max(r => r.Cost) - 1;
        var limited = MixedGrid.Build(width: 5, height: 5, capacity: 40, maxRouteCost: shift);

        var solution = ArcSolver.Solve(limited, new SolverOptions(Solving.Generous) { MaxIterations = 80 });

        Assert.Contains(unlimited.Tasks, t => !t.EitherWay);
        Assert.Contains(unlimited.Tasks, t => t.EitherWay);
        Solving.AssertFeasible(unlimited, loose);
        Solving.AssertFeasible(limited, solution);
        Assert.All(solution.Routes, r => Assert.True(r.Cost <= shift, $"a route costs {r.Cost}, over the shift {shift}"));
    }

    [Fact]
    public void Should_refuse_a_street_that_no_shift_can_serve()
    {
        var problem = MixedGrid.Build(width: 4, height: 3, capacity: 40, maxRouteCost: 5);

        var error = Assert.Throws<ArgumentException>(() => ArcSolver.Solve(problem, new SolverOptions(TimeSpan.FromSeconds(1))));

        Assert.Contains("shift", error.Message);
    }
}
