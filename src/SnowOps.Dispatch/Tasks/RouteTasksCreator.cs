using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Turns planned routes into tasks: a plow route into a plow task, a spreader's route into a de-icing task, each for
/// the crew driving the route's vehicle; with the plan's frontage notices, a notice for the shops along each plow route.
/// A re-plan cancels the open route tasks it replaced and sends out the new routes.
/// </summary>
public sealed class RouteTasksCreator(CrewTaskFactory tasks, DispatchDbContext db, PlanStore plans, TimeProvider clock) :
    IConsumer<PlowRoutesAssigned>,
    IConsumer<PlowRoutesReplanned>
{
    public const string RoutePrefix = "route:";

    public Task Consume(ConsumeContext<PlowRoutesAssigned> context) =>
        CreateAsync(context, context.Message.SnowEventId, context.Message.Routes);

    public async Task Consume(ConsumeContext<PlowRoutesReplanned> context)
    {
        var m = context.Message;
        var current = m.Routes.Select(r => RoutePrefix + r.RouteId).ToHashSet(StringComparer.Ordinal);
        await TaskCancellation.CancelOpenAsync(db, m.SnowEventId, $"re-planned (revision {m.Revision})", SnowEventStateMachine.System,
            clock.GetUtcNow(), context, context.CancellationToken,
            t => t.SourceKey.StartsWith(RoutePrefix, StringComparison.Ordinal) && !current.Contains(t.SourceKey));
        await CreateAsync(context, m.SnowEventId, m.Routes);
    }

    async Task CreateAsync(ConsumeContext context, Guid snowEventId, IReadOnlyList<PlannedRoute> routes)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == snowEventId, context.CancellationToken);
        if (snowEvent?.Activated is not { } activated || SnowEventStateMachine.PhaseOf(snowEvent.CurrentState) == SnowPhase.Closed)
            return;
        var plan = await plans.GetAsync(snowEvent.PlanName, snowEvent.PlanVersion, context.CancellationToken);
        var due = activated.AddHours(plan?.PlowDueHours ?? 8);
        var wanted = routes.Select(r => IsSpreader(r)
                ? new CrewTaskFactory.NewTask(RoutePrefix + r.RouteId, TaskKind.DeIcing, $"De-ice {r.Name}", r.GeometryWkt, r.LengthMeters, due,
                    r.PriorityClass, r.VehicleId)
                : new CrewTaskFactory.NewTask(RoutePrefix + r.RouteId, TaskKind.PlowRoute, $"Plow {r.Name}", r.GeometryWkt, r.LengthMeters, due,
                    r.PriorityClass, r.VehicleId))
            .ToList();
        if (plan?.FrontageNotices == true)
        {
            var noticeDue = PlanWork.Moment(snowEvent, PlanMoment.Onset) ?? activated;
            wanted.AddRange(routes.Where(r => !IsSpreader(r)).Select(r => FrontageNotices.Notice(r, noticeDue)));
        }
        await tasks.CreateAsync(snowEvent.CorrelationId, wanted, context, context.CancellationToken);
    }

    /// <summary>A spreader's route de-ices bridges, ramps and slopes; every other route is plowed.</summary>
    static bool IsSpreader(PlannedRoute route) => route.VehicleKind == "Spreader";
}
