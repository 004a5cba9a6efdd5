using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning.Replan;

/// <summary>Where a working vehicle is now, and optionally how much of its shift is left.</summary>
public sealed record VehiclePosition(string Vehicle, double Lon, double Lat, double? ShiftHoursLeft = null);

/// <summary>What a re-plan starts from: the current plan's steps per vehicle, and what changed.</summary>
public sealed record ReplanRequest(
    IReadOnlyList<RoadSegment> Segments,
    IReadOnlyList<string> Classes,
    IReadOnlyList<Vehicle> Vehicles,
    RoutingOptions Options,
    IReadOnlyDictionary<string, List<PlanStep>> CurrentSteps,
    IReadOnlySet<string> Broken,
    IReadOnlySet<long> Blocked,
    IReadOnlySet<long> Finished,
    IReadOnlyList<VehiclePosition> Positions,
    PlowPlan Previous);

/// <summary>
/// Re-plans the remaining work from each working vehicle's position: finished streets stay finished and out of every
/// route; blocked streets are neither served nor driven; each working vehicle keeps its own remaining streets as a start;
/// a broken vehicle's streets go by cheapest insertion to working vehicles of the same kind where their shift (and
/// de-icer) allows; then relocate, swap and 2-opt improve the routes, each starting at its vehicle's position.
/// </summary>
public static class Replanner
{
    public static PlowPlan Replan(ReplanRequest request, CancellationToken cancellationToken = default)
    {
        var graph = RoadGraph.Build(request.Segments, request.Blocked);
        var indexOf = Enumerable.Range(0, graph.Segments.Count).ToDictionary(i => graph.Segments[i].Id);
        var crews = Crew.For(graph, request.Vehicles, request.Options.Fleet, Crew.FallbackBase(graph));
        var crewOf = crews.SelectMany(c => c.Vehicles.Select(v => (v.Id, c))).ToDictionary(x => x.Id, x => x.c);
        var classes = request.Classes.Distinct().Order(StringComparer.Ordinal).ToList();
        var unserved = new List<UnservedWork>();
        var orphans = new List<(Crew Crew, Service Service)>();
        var kept = new List<(Vehicle Vehicle, Crew Crew, List<Service> Services, int Elapsed)>();

        foreach (var vehicle in request.Vehicles.Where(v => crewOf.ContainsKey(v.Id)))
        {
            var steps = request.CurrentSteps.GetValueOrDefault(vehicle.Id) ?? [];
            var remaining = steps.Where(s => s.Service && !request.Finished.Contains(s.SegmentId) && indexOf.ContainsKey(s.SegmentId)).ToList();
            var services = new List<Service>();
            foreach (var step in remaining)
            {
                var item = Item(graph, indexOf[step.SegmentId], step, classes);
                if (request.Blocked.Contains(step.SegmentId))
                    unserved.Add(PlowPlanner.Unserved(graph, item, UnservedReasons.Blocked, crewOf[vehicle.Id].Kind));
                else if (request.Broken.Contains(vehicle.Id))
                    orphans.Add((crewOf[vehicle.Id], new Service(item, item.EitherWay && step.Reversed)));
                else
                    services.Add(new Service(item, item.EitherWay && step.Reversed));
            }
            // A widened plan may have a vehicle serve a higher class after a lower one; the re-plan puts its streets in class order.
            services = [.. services.OrderBy(s => s.Item.Rank)];
            if (!request.Broken.Contains(vehicle.Id))
            {
                var elapsed = remaining.Count > 0 ? remaining[0].Start : steps.Where(s => s.Service).Select(s => s.End).DefaultIfEmpty(0).Max();
                kept.Add((vehicle, crewOf[vehicle.Id], services, elapsed));
            }
        }

        var routes = Routes(graph, request, kept, orphans);
        foreach (var (crew, service) in orphans.OrderBy(o => o.Service.Item.Rank))
        {
            if (!Insert(routes.Where(r => r.Crew.Kind == crew.Kind).ToList(), service))
                unserved.Add(PlowPlanner.Unserved(graph, service.Item, UnservedReasons.OverShift, crew.Kind));
        }
        RouteImprover.Improve(routes, TimeSpan.FromSeconds(request.Options.Planner.ReplanSeconds), cancellationToken);
        foreach (var route in routes)
        {
            // What still does not fit in the shift is left for the next shift, last streets first.
            while (route.Services.Count > 0 && route.Current.Over > 0)
            {
                unserved.Add(PlowPlanner.Unserved(graph, route.Services[^1].Item, UnservedReasons.OverShift, route.Crew.Kind));
                route.Services = route.Services[..^1];
            }
        }

        var planned = routes.Where(r => r.Services.Count > 0)
            .Select(r => new VehicleRoute(r.Vehicle, r.Crew.BaseName, Steps(graph, r, kept.First(k => k.Vehicle == r.Vehicle).Elapsed)))
            .OrderBy(r => r.Vehicle.Number).ToList();
        var carried = request.Previous.Unserved.Where(u => !request.Finished.Contains(u.SegmentId)
            && !unserved.Any(n => n.SegmentId == u.SegmentId && n.Pass == u.Pass));
        return new PlowPlan(planned, [.. carried, .. unserved], request.Previous.PavementCelsius, request.Previous.GramsPerSquareMeter);
    }

    static WorkItem Item(RoadGraph graph, int segment, PlanStep step, List<string> classes)
    {
        var rank = classes.IndexOf(step.PriorityClass);
        var (_, backward, eitherWay) = WorkItem.PassesOf(graph.Segments[segment]).FirstOrDefault(p => p.Pass == step.Pass, (step.Pass, step.Reversed, false));
        var (from, to) = backward ? (graph.SegmentTo[segment], graph.SegmentFrom[segment]) : (graph.SegmentFrom[segment], graph.SegmentTo[segment]);
        return new WorkItem(segment, segment, step.Pass, rank < 0 ? classes.Count : rank, step.PriorityClass, from, to, eitherWay, step.DeIcerKg, backward);
    }

    static List<ReplanRoute> Routes(RoadGraph graph, ReplanRequest request,
        List<(Vehicle Vehicle, Crew Crew, List<Service> Services, int Elapsed)> kept, List<(Crew Crew, Service Service)> orphans)
    {
        var starts = kept.ToDictionary(k => k.Vehicle, k => StartOf(graph, request, k.Vehicle, k.Services, k.Crew));
        var routes = new List<ReplanRoute>();
        foreach (var crewGroup in kept.GroupBy(k => k.Crew))
        {
            var crew = crewGroup.Key;
            var sameKind = kept.Where(k => k.Crew.Kind == crew.Kind).ToList();
            var vertices = sameKind.SelectMany(k => k.Services).Concat(orphans.Where(o => o.Crew.Kind == crew.Kind).Select(o => o.Service))
                .SelectMany(s => new[] { s.Item.From, s.Item.To })
                .Concat(crewGroup.Select(k => starts[k.Vehicle])).Append(crew.Base).Append(crew.Home)
                .Distinct().ToList();
            var local = vertices.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
            var distances = TerminalMatrix.Build(graph, crew.Travel, vertices, new HashSet<int> { crew.Base, crew.Home });
            foreach (var k in crewGroup)
            {
                var left = request.Positions.FirstOrDefault(p => p.Vehicle == k.Vehicle.Id)?.ShiftHoursLeft is { } hours
                    ? (long)(hours * 3600)
                    : crew.ShiftSeconds - k.Elapsed;
                routes.Add(new ReplanRoute(crew, k.Vehicle, starts[k.Vehicle], Math.Max(0, left), distances, local) { Services = k.Services });
            }
        }
        return routes;
    }

    /// <summary>The vertex nearest the reported position; without one, the start of the vehicle's next street (or its base).</summary>
    static int StartOf(RoadGraph graph, ReplanRequest request, Vehicle vehicle, List<Service> services, Crew crew) =>
        request.Positions.FirstOrDefault(p => p.Vehicle == vehicle.Id) is { } at
            ? graph.Nearest(at.Lon, at.Lat)
            : services.Count > 0 ? services[0].Start : crew.Base;

    /// <summary>Cheapest insertion that keeps class order and stays within the shift; false when no route can take it.</summary>
    static bool Insert(List<ReplanRoute> routes, Service service)
    {
        (ReplanRoute Route, List<Service> Services, long Added)? best = null;
        foreach (var route in routes)
        {
            var before = route.Current.Seconds;
            for (var j = 0; j <= route.Services.Count; j++)
            {
                if ((j > 0 && route.Services[j - 1].Item.Rank > service.Item.Rank) || (j < route.Services.Count && route.Services[j].Item.Rank < service.Item.Rank))
                    continue;
                foreach (var reversed in service.Item.EitherWay ? new[] { false, true } : [false])
                {
                    var candidate = new List<Service>(route.Services);
                    candidate.Insert(j, service with { Reversed = reversed });
                    var cost = route.Evaluate(candidate);
                    if (cost.Over > 0 || !cost.ClassOrderKept)
                        continue;
                    if (best is null || cost.Seconds - before < best.Value.Added)
                        best = (route, candidate, cost.Seconds - before);
                }
            }
        }
        if (best is not { } chosen)
            return false;
        chosen.Route.Services = chosen.Services;
        return true;
    }

    static List<PlanStep> Steps(RoadGraph graph, ReplanRoute route, int elapsed)
    {
        var builder = new StepBuilder(graph, route.Crew).Start(route.StartVertex, elapsed);
        long load = 0;
        foreach (var service in route.Services)
        {
            var demand = (long)Math.Ceiling(service.Item.DeIcerKg);
            if (load + demand > route.Crew.Capacity && load > 0)
            {
                builder.DriveTo(route.Crew.Base);
                load = 0;
            }
            builder.Serve(service);
            load += demand;
        }
        return builder.DriveTo(route.Crew.Base).DriveTo(route.Crew.Home).Steps;
    }
}
