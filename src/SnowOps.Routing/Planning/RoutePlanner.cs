using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Routing.Data;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Answers a request for a snow event's plow routes with every route assigned to it: planned once, widened when the request
/// names classes not planned yet, the same routes again for a repeated request (see <see cref="RouteAssigner"/>).
/// </summary>
public sealed class RoutePlanner(RoutingDbContext db, IOptionsMonitor<RoutingOptions> options, TimeProvider clock, ILogger<RoutePlanner> logger)
    : IConsumer<PlowRoutesRequested>
{
    public async Task Consume(ConsumeContext<PlowRoutesRequested> context)
    {
        var request = context.Message;
        var routes = await new RouteAssigner(db, options.CurrentValue, clock, logger).AssignAsync(request, context.CancellationToken);
        await context.Publish(new PlowRoutesAssigned(request.SnowEventId, routes.Select(PlanStore.Contract).ToList()), context.CancellationToken);
    }
}
