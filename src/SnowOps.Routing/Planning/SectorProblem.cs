using SnowOps.Optimizer;
using SnowOps.Routing.Fleet;
using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning;

/// <summary>One sector's work for one crew, with exact deadhead costs among the sector's street ends and the crew's base.</summary>
public sealed class SectorProblem
{
    readonly Dictionary<int, int> _local = [];

    public SectorProblem(RoadGraph graph, Crew crew, IReadOnlyList<WorkItem> items)
    {
        Crew = crew;
        Items = items;
        var terminals = new List<int> { crew.Base };
        foreach (var v in items.SelectMany(i => new[] { i.From, i.To }).Prepend(crew.Base))
        {
            if (_local.TryAdd(v, _local.Count) && v != crew.Base)
                terminals.Add(v);
        }
        Distances = TerminalMatrix.Build(graph, crew.Travel, terminals, [crew.Base]);
    }

    public Crew Crew { get; }
    public IReadOnlyList<WorkItem> Items { get; }
    public DistanceMatrix Distances { get; }
    public int Depot => _local[Crew.Base];

    public int Local(int vertex) => _local[vertex];

    public long Deadhead(int fromVertex, int toVertex) => Distances[_local[fromVertex], _local[toVertex]];

    public int ServeCost(WorkItem item) => Crew.Serve[item.Segment];

    public int Demand(WorkItem item) => Crew.Kind == VehicleKind.Spreader ? (int)Math.Ceiling(item.DeIcerKg) : 0;

    /// <summary>The items of one class solved as a CARP (shift as route limit, de-icer as capacity), concatenated into one tour.</summary>
    public List<Service> Solve(IReadOnlyList<WorkItem> items, TimeSpan timeLimit, PlannerOptions planner, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return [];
        var tasks = items.Select((item, i) => new ServiceTask(i, Local(item.From), Local(item.To), ServeCost(item), Demand(item), item.EitherWay, item.Rank + 1)).ToList();
        var problem = new ArcProblem(Distances, tasks, Depot, Crew.Capacity, Crew.TripBudget);
        var solution = ArcSolver.Solve(problem, new SolverOptions(timeLimit, planner.Seed) { MaxIterations = planner.MaxIterations }, cancellationToken);
        return solution.Routes.SelectMany(r => r.Visits).Select(v => new Service(items[v.Task], v.Reversed)).ToList();
    }

    /// <summary>The same items by path scanning alone (the baseline the optimizer is measured against).</summary>
    public List<Service> Scan(IReadOnlyList<WorkItem> items)
    {
        if (items.Count == 0)
            return [];
        var tasks = items.Select((item, i) => new ServiceTask(i, Local(item.From), Local(item.To), ServeCost(item), Demand(item), item.EitherWay, item.Rank + 1)).ToList();
        var problem = new ArcProblem(Distances, tasks, Depot, Crew.Capacity, Crew.TripBudget);
        var solution = PathScanning.Build(problem);
        return solution.Routes.SelectMany(r => r.Visits).Select(v => new Service(items[v.Task], v.Reversed)).ToList();
    }
}
