using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects plow routes: a snow event's newest plan revision replaces the routes of older ones, an older revision
/// arriving late changes nothing, and the same revision again adds or refreshes its routes.
/// </summary>
public sealed class RouteProjection(StatusDbContext db, IStatusFeed feed) :
    IConsumer<PlowRoutesAssigned>,
    IConsumer<PlowRoutesReplanned>
{
    public Task Consume(ConsumeContext<PlowRoutesAssigned> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<PlowRoutesReplanned> context) => Project(context.Message, context.CancellationToken);

    public Task Project(PlowRoutesAssigned m, CancellationToken cancellationToken) =>
        PlanAsync(m.SnowEventId, 0, m.Routes, cancellationToken);

    public Task Project(PlowRoutesReplanned m, CancellationToken cancellationToken) =>
        PlanAsync(m.SnowEventId, m.Revision, m.Routes, cancellationToken);

    async Task PlanAsync(Guid snowEventId, int revision, IReadOnlyList<PlannedRoute> routes, CancellationToken cancellationToken)
    {
        var plan = await db.RoutePlans.FindOrAdd(p => p.SnowEventId == snowEventId,
            () => new RoutePlanRow { SnowEventId = snowEventId, Revision = revision }, cancellationToken);
        if (revision < plan.Revision)
            return;
        var stored = await db.Routes.Where(r => r.SnowEventId == snowEventId).ToDictionaryAsync(r => r.RouteId, cancellationToken);
        if (revision > plan.Revision)
        {
            plan.Revision = revision;
            db.Routes.RemoveRange(stored.Values.Where(r => routes.All(n => n.RouteId != r.RouteId)));
        }
        foreach (var route in routes.DistinctBy(r => r.RouteId))
        {
            if (!stored.TryGetValue(route.RouteId, out var row))
                db.Routes.Add(row = new RouteRow { SnowEventId = snowEventId, RouteId = route.RouteId });
            (row.Name, row.VehicleId, row.PriorityClass, row.LengthMeters) = (route.Name, route.VehicleId, route.PriorityClass, route.LengthMeters);
            (row.GeometryWkt, row.Streets, row.Revision) = (route.GeometryWkt, [.. route.Streets], revision);
        }
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.RoutesChanged(snowEventId, plan.Revision, cancellationToken);
    }
}
