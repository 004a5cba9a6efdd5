using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.Routing.Data;
using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Plans what a request for plow routes needs and is not planned yet: the snow event's first plan (revision 0), or, for
/// classes not planned yet, routes for those classes alone added to the current revision. Answers with every route
/// assigned to the snow event, old and new, under the ids they were first given.
/// </summary>
public sealed class RouteAssigner(RoutingDbContext db, RoutingOptions settings, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// Throws <see cref="DbUpdateException"/> when a concurrent request or re-plan for the same snow event saved first;
    /// asked again, it finds what that one saved.
    /// </summary>
    public async Task<List<RouteRecord>> AssignAsync(PlowRoutesRequested request, CancellationToken cancellationToken)
    {
        var classes = request.PriorityClasses.Distinct().Order(StringComparer.Ordinal).ToList();
        var current = await PlanStore.LatestAsync(db, request.SnowEventId, cancellationToken);
        if (current is null)
            await PlanAsync(request, classes, cancellationToken);
        else if (classes.Except(current.PriorityClasses).ToList() is { Count: > 0 } added)
            await WidenAsync(request, current, added, cancellationToken);
        return await PlanStore.AssignedAsync(db, request.SnowEventId, cancellationToken);
    }

    async Task PlanAsync(PlowRoutesRequested request, List<string> classes, CancellationToken cancellationToken)
    {
        var segments = await SegmentsAsync(cancellationToken);
        if (!segments.Any(s => classes.Contains(s.PriorityClass)))
            return;

        var watch = Stopwatch.StartNew();
        var plan = PlowPlanner.Plan(new PlanRequest(segments, classes, FleetRoster.For(settings.Fleet, request.Vehicles), settings,
            request.PavementTemperatureCelsius ?? settings.DeIcing.PavementTemperatureCelsius) { NoService = KeptSnow(request, segments, classes) },
            cancellationToken);
        db.Plans.Add(PlanStore.Plan(request.SnowEventId, 0, plan, classes, request.Vehicles, clock.GetUtcNow(), watch.Elapsed.TotalSeconds));
        db.Routes.AddRange(PlanStore.Routes(request.SnowEventId, 0, plan, segments.ToDictionary(s => s.Id)));
        // A concurrent first request for the same snow event saves the same plan id: the loser's retry finds the plan.
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Plans the added classes with the request's working vehicles, each starting when it is back from its current route,
    /// around the plan's blocked and finished streets, and adds the routes to the current revision.
    /// </summary>
    async Task WidenAsync(PlowRoutesRequested request, PlanRecord current, List<string> added, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var round = await PlanStore.WideningsAsync(db, request.SnowEventId, cancellationToken) + 1;
        var segments = await SegmentsAsync(cancellationToken);
        var routes = await PlanStore.RoutesAsync(db, request.SnowEventId, current.Revision, cancellationToken);
        var freeAt = PlanStore.StepsByVehicle(routes).ToDictionary(v => v.Key, v => v.Value.Select(s => s.End).DefaultIfEmpty(0).Max());
        var vehicles = FleetRoster.For(settings.Fleet, request.Vehicles).Where(v => !current.BrokenVehicles.Contains(v.Id)).ToList();
        var pavement = request.PavementTemperatureCelsius ?? current.PavementCelsius;
        var plan = new PlowPlan([], [], pavement, current.GramsPerSquareMeter);
        if (segments.Any(s => added.Contains(s.PriorityClass)))
        {
            var noService = KeptSnow(request, segments, added);
            noService.UnionWith(current.FinishedSegments);
            plan = PlowPlanner.Plan(new PlanRequest(segments, added, vehicles, settings, pavement)
            {
                NoService = noService,
                Blocked = current.BlockedSegments.ToHashSet(),
                FreeAt = freeAt,
            }, cancellationToken);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        // The widening's own record claims its round: of two concurrent widenings one saves; the other's retry finds those
        // classes planned and widens with what is still missing.
        db.Plans.Add(PlanStore.Plan(request.SnowEventId, -round, plan, added, request.Vehicles, clock.GetUtcNow(), seconds));
        db.Routes.AddRange(PlanStore.Routes(request.SnowEventId, current.Revision, plan, segments.ToDictionary(s => s.Id), round));
        var widened = await db.Plans.SingleAsync(p => p.Id == current.Id, cancellationToken);
        widened.PriorityClasses = [.. current.PriorityClasses.Union(added).Order(StringComparer.Ordinal)];
        widened.Plows = Plows(current.Plows, request.Vehicles);
        widened.Unserved = PlanStore.UnservedJson(PlanStore.UnservedOf(current).Concat(plan.Unserved));
        widened.PlanningSeconds = Math.Round(current.PlanningSeconds + seconds, 3);
        if ((await PlanStore.LatestAsync(db, request.SnowEventId, cancellationToken))?.Revision != current.Revision)
            throw new DbUpdateConcurrencyException($"Snow event {request.SnowEventId} was re-planned while its plan was widened; the retry widens the new revision.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deadheading may use any street, so the whole network is loaded, not only the classes asked for.</summary>
    Task<List<RoadSegment>> SegmentsAsync(CancellationToken cancellationToken) =>
        db.Segments.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>The streets of <paramref name="classes"/> left white in the request's kept-snow areas; a bad area is logged and not used.</summary>
    HashSet<long> KeptSnow(PlowRoutesRequested request, List<RoadSegment> segments, IReadOnlyCollection<string> classes)
    {
        var areas = KeptSnowAreas.Read(request.KeptSnowAreasWkt);
        foreach (var rejected in areas.Rejected)
        {
            logger.LogWarning("Kept-snow area {Index} of snow event {SnowEvent} is not used, so its streets are plowed: {Problem}",
                rejected.Index, request.SnowEventId, rejected.Problem);
        }
        var kept = areas.Kept(segments, classes, request.KeptSnowServedClasses);
        if (areas.Count > 0)
            logger.LogInformation("Snow event {SnowEvent}: {Streets} streets are left white in {Areas} kept-snow areas", request.SnowEventId, kept.Count, areas.Count);
        return kept;
    }

    /// <summary>The plows of both requests: the first n of the fleet, so the larger n (0 stands for all of them).</summary>
    static int Plows(int planned, int requested) => planned <= 0 || requested <= 0 ? 0 : Math.Max(planned, requested);
}
