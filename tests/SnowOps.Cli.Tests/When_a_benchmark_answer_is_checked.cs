using SnowOps.Cli.Routing;
using SnowOps.Optimizer.Carp;

namespace SnowOps.Cli.Tests;

public class When_a_benchmark_answer_is_checked
{
    static readonly CarpInstance Gdb1 = CarpFile.Read(Benchmarks.File("gdb", "gdb1"));

    static CarpAnswer Solved()
    {
        var attempt = CarpAttempt.SnowOps(Gdb1, TimeSpan.FromSeconds(0.2), 1, CancellationToken.None);
        Assert.True(attempt.Valid, attempt.Failure);
        return attempt.Answer!;
    }

    [Fact]
    public void Should_refuse_an_answer_that_leaves_a_route_out()
    {
        var answer = Solved();

        var failure = CarpAttempt.Check(Gdb1, answer with { Routes = answer.Routes.Skip(1).ToList() });

        Assert.StartsWith("invalid: ", failure);
        Assert.Contains("never served", failure);
    }

    [Fact]
    public void Should_refuse_an_answer_whose_cost_the_validator_cannot_reproduce()
    {
        var answer = Solved();

        var failure = CarpAttempt.Check(Gdb1, answer with { Cost = answer.Cost - 1 });

        Assert.Equal($"invalid: claims cost {answer.Cost - 1}, the validator finds {answer.Cost}", failure);
    }
}
