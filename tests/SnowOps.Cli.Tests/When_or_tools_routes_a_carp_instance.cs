using SnowOps.Cli.Routing;
using SnowOps.Optimizer.Carp;

namespace SnowOps.Cli.Tests;

public class When_or_tools_routes_a_carp_instance
{
    [Theory]
    [InlineData("gdb", "gdb1")]
    [InlineData("bmcv", "C01")]
    public void Should_serve_every_required_edge_once_within_capacity_at_the_validators_cost(string set, string name)
    {
        var instance = CarpFile.Read(Benchmarks.File(set, name));
        var problem = instance.ToProblem();

        var solution = OrToolsBaseline.Solve(problem, OrToolsBaseline.Fleet(problem, instance.Vehicles), TimeSpan.FromSeconds(0.5));

        Assert.NotNull(solution);
        var answer = CarpAnswer.From(instance, problem, solution, 0.5);
        var check = CarpValidator.Check(instance, answer.ToRoutes());
        Assert.True(check.Valid, string.Join(" ", check.Errors));
        Assert.Equal(check.Cost, solution.Cost);
    }

    [Fact]
    public void Should_be_given_enough_vehicles_for_the_demand_and_at_least_the_files_fleet()
    {
        var instance = CarpFile.Read(Benchmarks.File("gdb", "gdb1"));
        var problem = instance.ToProblem();

        Assert.Equal(7, OrToolsBaseline.Fleet(problem, 0)); // 22 units of demand in trucks of 5: 5, and 2 spare
        Assert.Equal(9, OrToolsBaseline.Fleet(problem, 9));
    }
}
