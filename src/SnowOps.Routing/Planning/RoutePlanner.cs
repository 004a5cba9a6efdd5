using MassTransit;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Routing.Data;

namespace SnowOps.Routing.Planning;

/// <summary>Plans a snow event's plow routes once; a repeated request gets the same routes again.</summary>
public sealed class RoutePlanner(RoutingDbContext db) : IConsumer<PlowRoutesRequested>
{
    public async Task Consume(ConsumeContext<PlowRoutesRequested> context)
    {
        var request = context.Message;
        var routes = await db.Routes.AsNoTracking().Where(r => r.SnowEventId == request.SnowEventId).OrderBy(r => r.Vehicle)
            .ToListAsync(context.CancellationToken);
        if (routes.Count == 0)
        {
            // Classes sort by name, so P1 is plowed before P2 whatever order the plan lists them in.
            var classes = request.PriorityClasses.Distinct().Order(StringComparer.Ordinal).ToList();
            var segments = await db.Segments.AsNoTracking().Where(s => classes.Contains(s.PriorityClass)).ToListAsync(context.CancellationToken);
            routes = BalancedPartition.Plan(request.SnowEventId, segments, classes, request.Vehicles);
            db.Routes.AddRange(routes);
            await db.SaveChangesAsync(context.CancellationToken);
        }

        var writer = new WKTWriter();
        await context.Publish(new PlowRoutesAssigned(request.SnowEventId, routes
            .Select(r => new PlannedRoute(r.Id, r.Name, r.PriorityClass, r.LengthMeters, writer.Write(r.Geometry), r.Streets))
            .ToList()));
    }
}
