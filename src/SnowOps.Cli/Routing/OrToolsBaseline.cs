using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;
using SnowOps.Optimizer;

namespace SnowOps.Cli.Routing;

/// <summary>
/// Google OR-Tools' vehicle routing solver on an arc routing problem, as the benchmark's baseline. Arc routing becomes
/// node routing: each way a task may be driven is a node, the ways of one task form a mandatory disjunction (exactly one
/// is visited), and node 0 is the depot. Leaving a node pays for driving its street and the deadhead to the next one.
/// </summary>
public static class OrToolsBaseline
{
    /// <summary>Stands in for "no path": large enough never to be chosen, small enough that sums cannot overflow.</summary>
    const long NoPath = 1L << 40;

    /// <summary>Routes on the depot and back; a route only costs what it drives, so spare vehicles cost nothing.</summary>
    /// <param name="vehicles">How many routes OR-Tools may open; unused ones stay at the depot.</param>
    /// <returns>The best solution OR-Tools found in <paramref name="limit"/>, or null when it found none.</returns>
    public static ArcSolution? Solve(ArcProblem problem, int vehicles, TimeSpan limit)
    {
        problem.EnsureSolvable();
        var ways = Ways(problem);
        var nodes = ways.Count + 1;

        using var manager = new RoutingIndexManager(nodes, vehicles, 0);
        using var model = new RoutingModel(manager);
        // A matrix keeps the transit costs on the native side: the search never calls back into .NET per arc.
        var transit = model.RegisterTransitMatrix(Transits(problem, ways));
        model.SetArcCostEvaluatorOfAllVehicles(transit);
        var demand = model.RegisterUnaryTransitVector([0, .. ways.Select(w => (long)problem.Tasks[w.Task].Demand)]);
        model.AddDimensionWithVehicleCapacity(demand, 0, Enumerable.Repeat(problem.Capacity, vehicles).ToArray(), true, "Load");
        foreach (var task in Enumerable.Range(0, ways.Count).GroupBy(i => ways[i].Task))
            // No penalty given: the disjunction is mandatory, and by default exactly one of its nodes is visited.
            model.AddDisjunction(task.Select(i => manager.NodeToIndex(i + 1)).ToArray());

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(limit);

        using var assignment = model.SolveWithParameters(parameters);
        if (assignment is null)
            return null;
        var routes = new List<IReadOnlyList<Visit>>();
        for (var vehicle = 0; vehicle < vehicles; vehicle++)
        {
            var visits = new List<Visit>();
            for (var index = assignment.Value(model.NextVar(model.Start(vehicle))); !model.IsEnd(index); index = assignment.Value(model.NextVar(index)))
                visits.Add(ways[manager.IndexToNode(index) - 1]);
            routes.Add(visits);
        }
        return ArcSolution.From(problem, routes);
    }

    /// <summary>Routes OR-Tools may open: enough for the total demand and a few more, or the instance's fleet when larger.</summary>
    public static int Fleet(ArcProblem problem, int listed) =>
        Math.Max(listed, (int)((problem.TotalDemand + problem.Capacity - 1) / problem.Capacity) + 2);

    /// <summary>Node <c>i + 1</c> is the task of <c>ways[i]</c> driven in that direction: two nodes for an edge, one for an arc.</summary>
    static List<Visit> Ways(ArcProblem problem) =>
        problem.Tasks.SelectMany(t => t.EitherWay ? new[] { new Visit(t.Id, false), new Visit(t.Id, true) } : [new Visit(t.Id, false)]).ToList();

    /// <summary>
    /// From a node driven u→v to a node driven x→y: cost(u→v) + sp(v, x). From the depot: sp(depot, x).
    /// Into the depot: cost(u→v) + sp(v, depot). Depot to depot is free, so an unused vehicle costs nothing.
    /// </summary>
    static long[][] Transits(ArcProblem problem, List<Visit> ways)
    {
        var d = problem.Distances;
        var ends = ways.Select(w =>
        {
            var task = problem.Tasks[w.Task];
            return w.Reversed ? (Start: task.To, End: task.From, task.Cost) : (Start: task.From, End: task.To, task.Cost);
        }).Prepend((Start: problem.Depot, End: problem.Depot, Cost: 0)).ToArray();
        var matrix = new long[ends.Length][];
        for (var a = 0; a < ends.Length; a++)
        {
            matrix[a] = new long[ends.Length];
            for (var b = 0; b < ends.Length; b++)
            {
                var path = d[ends[a].End, ends[b].Start];
                matrix[a][b] = ends[a].Cost + (path == DistanceMatrix.Unreachable ? NoPath : path);
            }
        }
        return matrix;
    }
}
