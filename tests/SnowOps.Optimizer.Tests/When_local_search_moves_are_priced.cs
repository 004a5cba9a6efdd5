using SnowOps.Optimizer.Search;

namespace SnowOps.Optimizer.Tests;

/// <summary>
/// Every move the local search applies is re-priced from scratch (with <see cref="SearchParameters.VerifyMoves"/>), so
/// a wrong O(1) formula fails here rather than quietly steering the search.
/// </summary>
public class When_local_search_moves_are_priced
{
    [Fact]
    public void Should_match_the_cost_the_routes_turn_out_to_have_on_a_mixed_network()
    {
        var problem = MixedGrid.Build(width: 7, height: 5, capacity: 30, maxRouteCost: 160, seed: 11);

        var solution = Solve(problem, iterations: 60);

        Solving.AssertFeasible(problem, solution);
    }

    [Theory]
    [InlineData("val", "val1C")]
    [InlineData("bmcv", "C16")]
    public void Should_match_the_cost_the_routes_turn_out_to_have_on_a_benchmark(string set, string name)
    {
        var (instance, problem) = Solving.Load(set, name);

        var solution = Solve(problem, iterations: 40);

        Assert.True(Solving.Validate(instance, problem, solution).Valid);
    }

    static ArcSolution Solve(ArcProblem problem, int iterations) =>
        ArcSolver.Solve(problem, new SolverOptions(Solving.Generous) { MaxIterations = iterations }, new SearchParameters { VerifyMoves = true }, default);
}
