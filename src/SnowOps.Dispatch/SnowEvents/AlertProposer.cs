using MassTransit;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>"Snow is the order to act": a warning that a plan answers opens a snow event with that plan.</summary>
public sealed class AlertProposer(IOptionsMonitor<DispatchOptions> options, TimeProvider clock) : IConsumer<WeatherAlertIssued>
{
    public async Task Consume(ConsumeContext<WeatherAlertIssued> context)
    {
        var alert = context.Message;
        var plan = options.CurrentValue.PlanFor(alert.Hazard, alert.Level);
        if (plan is null)
            return;
        var title = $"{alert.Level} {alert.Hazard}: {alert.Headline ?? alert.Event}";
        await context.Publish(new ProposeSnowEvent(SnowEventIds.ForAlert(alert.AlertId), alert.AlertId, alert.Hazard, alert.Level,
            title.Length > 200 ? title[..200] : title, plan.Name, clock.GetUtcNow()));
    }
}
