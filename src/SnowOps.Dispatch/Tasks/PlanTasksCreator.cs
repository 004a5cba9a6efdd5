using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Sends out a plan's work as the event moves: on activation the standby crews called in, the prepare work, the request for plow routes and the
/// hand-off to Heating; on clear and restore that phase's work (and the frontage compliance checks); on an escalation
/// the new plan's work for every phase reached and the wider routes; on closing, open tasks are cancelled.
/// Every task has a source key, so a redelivered event creates nothing twice.
/// </summary>
public sealed class PlanTasksCreator(CrewTaskFactory tasks, PlanStore plans, DispatchDbContext db, Standby standby, TimeProvider clock) :
    IConsumer<SnowEventActivated>,
    IConsumer<SnowEventPhaseChanged>,
    IConsumer<SnowEventEscalated>
{
    public async Task Consume(ConsumeContext<SnowEventActivated> context)
    {
        if (await LoadAsync(context.Message.SnowEventId, context.CancellationToken) is not var (snowEvent, plan))
            return;
        await standby.CallInAsync(plan, context.Message.Activated, context.CancellationToken);
        await tasks.CreateAsync(snowEvent.CorrelationId, PlanWork.For(snowEvent, plan, SnowPhase.Prepare), context, context.CancellationToken);
        await RequestRoutesAsync(context, snowEvent, plan);
        await HandOffHeatingAsync(context, snowEvent, plan);
    }

    public async Task Consume(ConsumeContext<SnowEventPhaseChanged> context)
    {
        var m = context.Message;
        if (m.Phase == SnowPhase.Closed)
        {
            await TaskCancellation.CancelOpenAsync(db, m.SnowEventId, m.Reason ?? "the snow event was closed", m.ChangedBy, m.Changed, context,
                context.CancellationToken);
            return;
        }
        if (m.Phase is not (SnowPhase.Clear or SnowPhase.Restore))
            return;
        if (await LoadAsync(m.SnowEventId, context.CancellationToken) is not var (snowEvent, plan))
            return;
        var work = PlanWork.For(snowEvent, plan, m.Phase).ToList();
        if (m.Phase == SnowPhase.Restore)
            work.AddRange(await FrontageChecksAsync(snowEvent, context.CancellationToken));
        await tasks.CreateAsync(snowEvent.CorrelationId, work, context, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SnowEventEscalated> context)
    {
        if (await LoadAsync(context.Message.SnowEventId, context.CancellationToken) is not var (snowEvent, plan) || snowEvent.Activated is null)
            return;
        var phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState);
        if (phase == SnowPhase.Closed)
            return;
        await standby.CallInAsync(plan, context.Message.Escalated, context.CancellationToken);
        var work = PlanWork.Reached(phase).SelectMany(p => PlanWork.For(snowEvent, plan, p)).ToList();
        await tasks.CreateAsync(snowEvent.CorrelationId, work, context, context.CancellationToken);
        await RequestRoutesAsync(context, snowEvent, plan);
        await HandOffHeatingAsync(context, snowEvent, plan);
    }

    async Task<(SnowEventState, PlanTemplate)?> LoadAsync(Guid snowEventId, CancellationToken cancellationToken)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == snowEventId, cancellationToken);
        if (snowEvent is null)
            return null;
        var plan = await plans.GetAsync(snowEvent.PlanName, snowEvent.PlanVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Snow event {snowEventId} follows plan '{snowEvent.PlanName}' v{snowEvent.PlanVersion}, which is not stored.");
        return (snowEvent, plan);
    }

    static async Task RequestRoutesAsync(ConsumeContext context, SnowEventState snowEvent, PlanTemplate plan)
    {
        if (plan.PlowPriorityClasses.Count == 0 || plan.PlowVehicles <= 0)
            return;
        await context.Publish(new PlowRoutesRequested(snowEvent.CorrelationId, plan.PlowPriorityClasses, plan.PlowVehicles, null,
            plan.KeptSnowAreas.Count == 0 ? null : plan.KeptSnowAreas.Select(a => a.AreaWkt).ToList(),
            plan.KeptSnowAreas.Count == 0 ? null : plan.KeptSnowServedClasses));
    }

    async Task HandOffHeatingAsync(ConsumeContext context, SnowEventState snowEvent, PlanTemplate plan)
    {
        if (plan.Heating is not { } heating)
            return;
        await context.Publish(new HeatingActionsRequested(snowEvent.CorrelationId, snowEvent.Hazard, snowEvent.Level, heating.RaiseSupplyCelsius,
            heating.CheckEveryHours, heating.FirstCompounds, heating.Notes, clock.GetUtcNow()));
    }

    /// <summary>After the snow, each frontage notice is followed by a check that the shops cleared their frontage.</summary>
    async Task<IEnumerable<CrewTaskFactory.NewTask>> FrontageChecksAsync(SnowEventState snowEvent, CancellationToken cancellationToken)
    {
        var notices = await db.Tasks.AsNoTracking()
            .Where(t => t.SnowEventId == snowEvent.CorrelationId && t.Kind == TaskKind.FrontageNotice && t.SourceKey.StartsWith(FrontageNotices.NoticePrefix))
            .ToListAsync(cancellationToken);
        var due = (snowEvent.SnowfallEnded ?? clock.GetUtcNow()).AddHours(FrontageNotices.CheckWithinHours);
        return notices.Select(n => FrontageNotices.Check(n, due));
    }
}
