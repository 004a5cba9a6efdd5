using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Routing.Data;
using SnowOps.Routing.Fleet;

namespace SnowOps.Routing.Planning;

/// <summary>Plans a snow event's plow routes once; a repeated request gets the same routes again.</summary>
public sealed class RoutePlanner(RoutingDbContext db, IOptionsMonitor<RoutingOptions> options, TimeProvider clock) : IConsumer<PlowRoutesRequested>
{
    public async Task Consume(ConsumeContext<PlowRoutesRequested> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var stored = await db.Plans.AsNoTracking().AnyAsync(p => p.SnowEventId == request.SnowEventId && p.Revision == 0, cancellationToken);
        var routes = stored ? await PlanStore.RoutesAsync(db, request.SnowEventId, 0, cancellationToken) : await PlanAsync(request, cancellationToken);
        await context.Publish(new PlowRoutesAssigned(request.SnowEventId, routes.Select(PlanStore.Contract).ToList()), cancellationToken);
    }

    async Task<List<RouteRecord>> PlanAsync(PlowRoutesRequested request, CancellationToken cancellationToken)
    {
        var classes = request.PriorityClasses.Distinct().Order(StringComparer.Ordinal).ToList();
        // Deadheading may use any street, so the whole network is loaded, not only the classes asked for.
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (!segments.Any(s => classes.Contains(s.PriorityClass)))
            return [];

        var settings = options.CurrentValue;
        var watch = Stopwatch.StartNew();
        var plan = PlowPlanner.Plan(new PlanRequest(segments, classes, FleetRoster.For(settings.Fleet, request.Vehicles), settings,
            request.PavementTemperatureCelsius ?? settings.DeIcing.PavementTemperatureCelsius), cancellationToken);
        var routes = PlanStore.Routes(request.SnowEventId, 0, plan, segments.ToDictionary(s => s.Id));
        db.Plans.Add(PlanStore.Plan(request.SnowEventId, 0, plan, classes, request.Vehicles, clock.GetUtcNow(), watch.Elapsed.TotalSeconds));
        db.Routes.AddRange(routes);
        await db.SaveChangesAsync(cancellationToken);
        return routes;
    }
}
