namespace SnowOps.Optimizer.Tests;

public class When_a_problem_is_tiny
{
    static ArcProblem Square(int taskCount)
    {
        var arcs = new[] { (0, 1, 2), (1, 0, 2), (1, 2, 3), (2, 1, 3), (2, 3, 2), (3, 2, 2), (3, 0, 3), (0, 3, 3) };
        var streets = new[] { (1, 2, 3), (2, 3, 2), (3, 0, 3) };
        var tasks = streets.Take(taskCount).Select((s, i) => new ServiceTask(i, s.Item1, s.Item2, s.Item3, 1, EitherWay: true)).ToList();
        return new ArcProblem(DistanceMatrix.Build(4, arcs), tasks, Depot: 0, Capacity: 10);
    }

    [Fact]
    public void Should_return_no_route_when_there_is_nothing_to_serve()
    {
        var solution = ArcSolver.Solve(Square(0), new SolverOptions(TimeSpan.FromSeconds(1)));

        Assert.Empty(solution.Routes);
        Assert.Equal(0, solution.Cost);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    public void Should_serve_one_two_or_three_streets_at_least_cost(int taskCount, long cost)
    {
        var problem = Square(taskCount);

        var solution = ArcSolver.Solve(problem, new SolverOptions(TimeSpan.FromSeconds(1)) { MaxIterations = 20 });

        Solving.AssertFeasible(problem, solution);
        Assert.Equal(cost, solution.Cost);
    }
}
