using SnowOps.Optimizer.Search;

namespace SnowOps.Optimizer.Tests;

public class When_a_giant_tour_is_split
{
    // Depot 0 on a square 0 - 1 - 2 - 3 - 0 (unit costs), tour [2→1, 3→2]. As given: 0→2 (2), serve, 1→3 (2), serve,
    // 2→0 (2) = 8. Both reversed: 0→1, serve 1→2, serve 2→3, 3→0 = 4. Only one reversed: 6.
    static ArcProblem Square(bool secondIsOneWay, long capacity)
    {
        var arcs = new[] { (0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 1, 1), (2, 3, 1), (3, 2, 1), (3, 0, 1), (0, 3, 1) };
        var tasks = new[]
        {
            new ServiceTask(0, 2, 1, 1, 1, EitherWay: true),
            new ServiceTask(1, 3, 2, 1, 1, EitherWay: !secondIsOneWay),
        };
        return new ArcProblem(DistanceMatrix.Build(4, arcs), tasks, Depot: 0, capacity);
    }

    static (Individual Individual, byte[] Modes) SplitTour(ArcProblem problem)
    {
        var data = new TaskData(problem);
        var individual = new Individual(2);
        (individual.Tour[0], individual.Tour[1]) = (0, 1);
        new Split(data).Run(individual, new PenaltyWeights(1000, 1000));
        individual.Measure(data, new PenaltyWeights(1000, 1000));
        var modes = new byte[2];
        if (individual.RouteCount == 1)
            RouteModes.Choose(data, individual.Route(0), modes);
        return (individual, modes);
    }

    [Fact]
    public void Should_reverse_the_edges_whose_reversal_saves_deadheading()
    {
        var (individual, modes) = SplitTour(Square(secondIsOneWay: false, capacity: 2));

        Assert.Equal(1, individual.RouteCount);
        Assert.Equal(4, individual.Cost);
        Assert.Equal(new byte[] { 1, 1 }, modes);
    }

    [Fact]
    public void Should_keep_a_one_way_arc_forward_and_choose_the_edge_around_it()
    {
        // 0 → 1, serve 1 → 2 reversed, deadhead 2 → 3, serve the arc 3 → 2, back 2 → 0: 1 + 1 + 1 + 1 + 2 = 6;
        // serving the edge as given instead costs 2 + 1 + 2 + 1 + 2 = 8.
        var (individual, modes) = SplitTour(Square(secondIsOneWay: true, capacity: 2));

        Assert.Equal(6, individual.Cost);
        Assert.Equal(new byte[] { 1, 0 }, modes);
        // Free to reorder, the solver serves the arc first and the edge as given: 0→3, 3→2, 2→1, 1→0 = 4.
        var solution = ArcSolver.Solve(Square(secondIsOneWay: true, capacity: 2), new SolverOptions(TimeSpan.FromSeconds(1)) { MaxIterations = 5 });
        Assert.Equal(4, solution.Cost);
        Assert.DoesNotContain(solution.Routes.SelectMany(r => r.Visits), v => v.Task == 1 && v.Reversed);
    }

    [Fact]
    public void Should_cut_routes_where_capacity_requires()
    {
        // One task per truck: each alone costs 4 either way, together 8.
        var (individual, _) = SplitTour(Square(secondIsOneWay: false, capacity: 1));

        Assert.Equal(2, individual.RouteCount);
        Assert.Equal(8, individual.Cost);
        Assert.True(individual.Feasible);
    }
}
