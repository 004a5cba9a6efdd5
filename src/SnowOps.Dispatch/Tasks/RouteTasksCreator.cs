using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Turns each planned plow route into a plow task.</summary>
public sealed class RouteTasksCreator(CrewTaskFactory tasks, DispatchDbContext db, IOptionsMonitor<DispatchOptions> options) : IConsumer<PlowRoutesAssigned>
{
    public async Task Consume(ConsumeContext<PlowRoutesAssigned> context)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == context.Message.SnowEventId, context.CancellationToken);
        if (snowEvent?.Activated is not { } activated)
            return;
        var dueHours = options.CurrentValue.PlanNamed(snowEvent.PlanName)?.PlowDueHours ?? 8;
        var wanted = context.Message.Routes
            .Select(r => r.VehicleKind == "Spreader"
                ? new CrewTaskFactory.NewTask($"route:{r.RouteId}", TaskKind.DeIcing, $"De-ice {r.Name}", r.GeometryWkt, r.LengthMeters, activated.AddHours(dueHours))
                : new CrewTaskFactory.NewTask($"route:{r.RouteId}", TaskKind.PlowRoute, $"Plow {r.Name}", r.GeometryWkt, r.LengthMeters, activated.AddHours(dueHours)))
            .ToList();
        await tasks.CreateAsync(snowEvent.CorrelationId, wanted, context, context.CancellationToken);
    }
}
