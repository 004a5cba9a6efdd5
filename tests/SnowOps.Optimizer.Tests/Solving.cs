using SnowOps.Optimizer.Carp;

namespace SnowOps.Optimizer.Tests;

/// <summary>Shared helpers for the solver specifications.</summary>
static class Solving
{
    /// <summary>A generous time limit: specs stop on an iteration count, so they do not depend on the machine's speed.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    public static (CarpInstance Instance, ArcProblem Problem) Load(string set, string name)
    {
        var instance = Benchmarks.Read(set, name);
        return (instance, instance.ToProblem());
    }

    public static CarpCheck Validate(CarpInstance instance, ArcProblem problem, ArcSolution solution) =>
        CarpValidator.Check(instance, CarpAnswer.From(instance, problem, solution, 0).ToRoutes());

    /// <summary>Checks every rule from the problem alone: each task once, one-way arcs forward, loads, shifts and costs.</summary>
    public static void AssertFeasible(ArcProblem problem, ArcSolution solution)
    {
        var served = solution.Routes.SelectMany(r => r.Visits).Select(v => v.Task).Order().ToList();
        Assert.Equal(Enumerable.Range(0, problem.Tasks.Count), served);
        foreach (var route in solution.Routes)
        {
            Assert.All(route.Visits, v => Assert.True(problem.Tasks[v.Task].EitherWay || !v.Reversed, $"one-way task {v.Task} reversed"));
            var rebuilt = ArcSolution.Route(problem, route.Visits);
            Assert.Equal(rebuilt.Cost, route.Cost);
            Assert.Equal(rebuilt.Load, route.Load);
            Assert.InRange(route.Load, 1, problem.Capacity);
            Assert.InRange(route.Cost, 0, problem.MaxRouteCost);
        }
        Assert.Equal(solution.Routes.Sum(r => r.Cost), solution.Cost);
    }
}

/// <summary>Collects progress reports on the solver's thread (<see cref="Progress{T}"/> would post them later).</summary>
sealed class Recorder : IProgress<SolverProgress>
{
    public List<SolverProgress> Reports { get; } = [];

    public void Report(SolverProgress value)
    {
        lock (Reports)
            Reports.Add(value);
    }
}
