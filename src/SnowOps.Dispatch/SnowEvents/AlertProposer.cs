using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>
/// "Snow is the order to act": a warning that a plan answers opens a snow event with that plan; an Update that
/// raises the level widens the event's plan; the warning's onset and end move the event's clocks. A plan that names
/// zones answers only warnings for those zones.
/// </summary>
public sealed class AlertProposer(PlanStore plans, TimeProvider clock) : IConsumer<WeatherAlertIssued>, IConsumer<WeatherAlertUpdated>
{
    public async Task Consume(ConsumeContext<WeatherAlertIssued> context)
    {
        var alert = context.Message;
        var plan = await plans.ForAsync(alert.Hazard, alert.Level, context.CancellationToken, alert.Zones);
        if (plan is null)
            return;
        await context.Publish(new ProposeSnowEvent(SnowEventIds.ForAlert(alert.AlertId), alert.AlertId, alert.Hazard, alert.Level,
            Title(alert.Level, alert.Hazard, alert.Headline ?? alert.Event), plan.Plan.Name, clock.GetUtcNow(), plan.Version,
            SnowEventStateMachine.System, alert.Onset, alert.Expires, AutoActivates(plan.Plan, alert.Level)));
    }

    public async Task Consume(ConsumeContext<WeatherAlertUpdated> context)
    {
        var alert = context.Message;
        var plan = await plans.ForAsync(alert.Hazard, alert.Level, context.CancellationToken, alert.Zones);
        if (plan is null)
            return;
        await context.Publish(new EscalateSnowEvent(SnowEventIds.ForAlert(alert.AlertId), alert.AlertId, alert.Hazard, alert.Level,
            Title(alert.Level, alert.Hazard, alert.Headline ?? alert.Identifier), plan.Plan.Name, plan.Version, alert.Onset, alert.Expires,
            SnowEventStateMachine.System, clock.GetUtcNow(), AutoActivates(plan.Plan, alert.Level)));
    }

    static bool AutoActivates(PlanTemplate plan, AlertLevel level) => plan.AutoActivateAt is { } at && level >= at;

    static string Title(AlertLevel level, Hazard hazard, string text)
    {
        var title = $"{level} {hazard}: {text}";
        return title.Length > 200 ? title[..200] : title;
    }
}
