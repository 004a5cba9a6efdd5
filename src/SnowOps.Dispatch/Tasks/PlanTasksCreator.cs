using MassTransit;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Tasks;

/// <summary>On activation, sends out the plan's work: its tasks now, and a request for plow routes.</summary>
public sealed class PlanTasksCreator(CrewTaskFactory tasks, IOptionsMonitor<DispatchOptions> options) : IConsumer<SnowEventActivated>
{
    public async Task Consume(ConsumeContext<SnowEventActivated> context)
    {
        var activated = context.Message;
        var plan = options.CurrentValue.PlanNamed(activated.PlanName)
            ?? throw new InvalidOperationException($"Snow event {activated.SnowEventId} names plan '{activated.PlanName}', which is not configured.");

        var wanted = plan.Tasks
            .SelectMany((template, line) => Enumerable.Range(1, Math.Max(1, template.Count)).Select(n =>
                new CrewTaskFactory.NewTask($"plan:{line}:{n}", template.Kind,
                    template.Count > 1 ? $"{template.Title} ({n}/{template.Count})" : template.Title,
                    null, null, activated.Activated.AddHours(template.DueHours))))
            .ToList();
        await tasks.CreateAsync(activated.SnowEventId, wanted, context, context.CancellationToken);

        if (plan.PlowPriorityClasses.Count > 0 && plan.PlowVehicles > 0)
            await context.Publish(new PlowRoutesRequested(activated.SnowEventId, plan.PlowPriorityClasses, plan.PlowVehicles));
    }
}
