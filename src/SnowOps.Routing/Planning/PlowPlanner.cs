using System.Diagnostics;
using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning;

/// <summary>What to plan: the stored streets, the classes asked for, the vehicles, the settings and the pavement temperature.</summary>
public sealed record PlanRequest(
    IReadOnlyList<RoadSegment> Segments,
    IReadOnlyList<string> Classes,
    IReadOnlyList<Vehicle> Vehicles,
    RoutingOptions Options,
    double PavementCelsius)
{
    /// <summary>False plans for total cost alone, every class mixed (the comparison the priority-aware plan must beat on P1).</summary>
    public bool PriorityAware { get; init; } = true;

    /// <summary>Path scanning alone instead of the optimizer (the baseline of the scale benchmark).</summary>
    public bool ScanOnly { get; init; }

    /// <summary>Streets that need no service (in a kept-snow area, or already finished): they may still be driven.</summary>
    public IReadOnlySet<long> NoService { get; init; } = new HashSet<long>();

    /// <summary>Streets neither served nor driven; their work is reported blocked.</summary>
    public IReadOnlySet<long> Blocked { get; init; } = new HashSet<long>();

    /// <summary>
    /// When each vehicle (by id) is back home from the work it already has, in seconds into its shift: its new trips come
    /// after that and must still end within the shift. A vehicle not listed starts its shift free.
    /// </summary>
    public IReadOnlyDictionary<string, int> FreeAt { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Plans plow and de-icing routes. Objective, lexicographic: first serve as much as the shifts allow, then finish the
/// first class (P1) as early as possible, then least total time. Each class is solved in turn as a CARP
/// per sector (shift as route limit, de-icer as capacity); its tours are cut into depot-to-depot trips and shared among
/// the crew's vehicles after the trips of the classes before, so no vehicle starts P2 before its P1 trips.
/// </summary>
public static class PlowPlanner
{
    public static PlowPlan Plan(PlanRequest request, CancellationToken cancellationToken = default)
    {
        var options = request.Options;
        var graph = RoadGraph.Build(request.Segments, request.Blocked);
        var classes = request.Classes.Distinct().Order(StringComparer.Ordinal).ToList();
        var rate = options.DeIcing.RateFor(request.PavementCelsius);
        Func<RoadSegment, double> kilograms = s => DeIcingOptions.Kilograms(rate, s.LengthMeters, options.Fleet.LaneWidthMeters);
        bool Needed(RoadSegment s) => !request.NoService.Contains(s.Id);
        bool Open(RoadSegment s) => !request.Blocked.Contains(s.Id);
        var plowWork = Items(graph, classes, s => Needed(s) && Open(s), _ => 0);
        var deIcing = Items(graph, classes, s => s.NeedsDeIcing && Needed(s) && Open(s), kilograms);
        var crews = Crew.For(graph, request.Vehicles, options.Fleet, Crew.FallbackBase(graph));
        var unserved = new List<UnservedWork>();
        unserved.AddRange(Items(graph, classes, s => Needed(s) && !Open(s), _ => 0)
            .Select(i => Unserved(graph, i, UnservedReasons.Blocked, VehicleKind.Plow)));
        unserved.AddRange(Items(graph, classes, s => s.NeedsDeIcing && Needed(s) && !Open(s), kilograms)
            .Select(i => Unserved(graph, i, UnservedReasons.Blocked, VehicleKind.Spreader)));
        var schedule = new Dictionary<Vehicle, List<ScheduledTrip>>();
        var clock = new PlanClock(options.Planner.TimeLimitSeconds, plowWork.Count + deIcing.Count);

        foreach (var (kind, items) in new[] { (VehicleKind.Plow, plowWork), (VehicleKind.Spreader, deIcing) })
        {
            var kindCrews = crews.Where(c => c.Kind == kind).ToList();
            if (items.Count > 0)
                PlanKind(graph, request, kind, kindCrews, items, clock, schedule, unserved, cancellationToken);
        }

        var routes = new List<VehicleRoute>();
        foreach (var crew in crews)
        {
            foreach (var vehicle in crew.Vehicles)
            {
                var trips = schedule.GetValueOrDefault(vehicle) ?? [];
                if (trips.Count > 0)
                    routes.Add(new VehicleRoute(vehicle, crew.BaseName, Steps(graph, crew, trips, FreeAt(request, vehicle))));
            }
        }
        return new PlowPlan(routes.OrderBy(r => r.Vehicle.Number).ToList(), unserved, request.PavementCelsius, rate);
    }

    static List<WorkItem> Items(RoadGraph graph, List<string> classes, Func<RoadSegment, bool> wanted, Func<RoadSegment, double> deIcerKg)
    {
        var items = new List<WorkItem>();
        for (var i = 0; i < graph.Segments.Count; i++)
        {
            var s = graph.Segments[i];
            var rank = classes.IndexOf(s.PriorityClass);
            if (rank < 0 || !wanted(s))
                continue;
            foreach (var (pass, backward, eitherWay) in WorkItem.PassesOf(s))
            {
                var (from, to) = backward ? (graph.SegmentTo[i], graph.SegmentFrom[i]) : (graph.SegmentFrom[i], graph.SegmentTo[i]);
                items.Add(new WorkItem(items.Count, i, pass, rank, s.PriorityClass, from, to, eitherWay, deIcerKg(s), backward));
            }
        }
        return items;
    }

    static void PlanKind(RoadGraph graph, PlanRequest request, VehicleKind kind, List<Crew> crews, List<WorkItem> items, PlanClock clock,
        Dictionary<Vehicle, List<ScheduledTrip>> schedule, List<UnservedWork> unserved, CancellationToken cancellationToken)
    {
        if (crews.Count == 0)
        {
            var reason = kind == VehicleKind.Spreader ? UnservedReasons.NoSpreader : UnservedReasons.NoPlow;
            unserved.AddRange(items.Select(i => Unserved(graph, i, reason, kind)));
            return;
        }
        var heaviest = crews.Max(c => c.Capacity);
        var fits = items.Where(i => Math.Ceiling(i.DeIcerKg) <= heaviest).ToList();
        unserved.AddRange(items.Except(fits).Select(i => Unserved(graph, i, UnservedReasons.OverCapacity, kind)));

        var sectors = SectorAssignment.Assign(graph, crews, fits, request.Options.Planner.MaxSectorTasks, unserved);
        var problems = sectors.Select(s => new SectorProblem(graph, s.Crew, s.Items)).ToList();
        var ready = crews.ToDictionary(c => c, c => c.Vehicles.Select(v => FreeAt(request, v) + c.StartOffset).ToArray());
        var ranks = request.PriorityAware ? fits.Select(i => i.Rank).Distinct().Order().ToList() : [-1];
        foreach (var rank in ranks)
        {
            foreach (var crew in crews)
            {
                var tours = new List<(SectorProblem, List<Service>)>();
                foreach (var problem in problems.Where(p => p.Crew == crew))
                {
                    var classItems = problem.Items.Where(i => rank < 0 || i.Rank == rank).ToList();
                    if (classItems.Count == 0)
                        continue;
                    var tour = request.ScanOnly
                        ? problem.Scan(classItems)
                        : problem.Solve(classItems, clock.For(classItems.Count), request.Options.Planner, cancellationToken);
                    tours.Add((problem, tour));
                }
                if (tours.Count == 0)
                    continue;
                // The first class asked for is finished as early as possible; after it, and in a cost-only plan, total time counts.
                var outcome = Trips.Plan(crew, tours, Math.Max(rank, 0), ready[crew], finishFirst: request.PriorityAware && rank == ranks[0]);
                ready[crew] = outcome.Ready;
                foreach (var trip in outcome.Scheduled)
                {
                    var vehicle = crew.Vehicles[trip.Vehicle];
                    if (!schedule.TryGetValue(vehicle, out var list))
                        schedule[vehicle] = list = [];
                    list.Add(trip);
                }
                unserved.AddRange(outcome.Unfit.SelectMany(t => t.Services).Select(s => Unserved(graph, s.Item, UnservedReasons.OverShift, kind)));
            }
        }
    }

    static int FreeAt(PlanRequest request, Vehicle vehicle) => request.FreeAt.GetValueOrDefault(vehicle.Id);

    static List<PlanStep> Steps(RoadGraph graph, Crew crew, List<ScheduledTrip> trips, int start)
    {
        var builder = new StepBuilder(graph, crew).Start(crew.Home, start);
        builder.DriveTo(crew.Base);
        foreach (var trip in trips)
        {
            foreach (var service in trip.Trip.Services)
                builder.Serve(service);
            builder.DriveTo(crew.Base);
        }
        return builder.DriveTo(crew.Home).Steps;
    }

    public static UnservedWork Unserved(RoadGraph graph, WorkItem item, string reason, VehicleKind kind)
    {
        var s = graph.Segments[item.Segment];
        return new UnservedWork(s.Id, s.Name, s.PriorityClass, item.Pass, reason, kind);
    }

    /// <summary>Shares the time limit among the solver calls by their number of tasks.</summary>
    sealed class PlanClock(double seconds, int totalItems)
    {
        readonly Stopwatch _watch = Stopwatch.StartNew();

        public TimeSpan For(int items) =>
            TimeSpan.FromSeconds(Math.Max(0.02, Math.Min(seconds * items / Math.Max(1, totalItems), seconds - _watch.Elapsed.TotalSeconds)));
    }
}
