using MassTransit;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The crews' side of the storm, standing in for CrewBot and the people behind it: takes note of every task given to a
/// crew, and answers each with the crew's next report once Dispatch has confirmed the last one (TaskStateChanged, alone
/// or among TaskStateChanges).
/// It also answers the baseline's pongs the same way.
/// </summary>
public sealed class StormCrews(StormProgress progress) :
    IConsumer<SnowEventProposed>,
    IConsumer<TaskAssigned>,
    IConsumer<TaskStateChanged>,
    IConsumer<TaskStateChanges>,
    IConsumer<BaselinePong>
{
    public Task Consume(ConsumeContext<SnowEventProposed> context)
    {
        progress.OnProposed(context.Message.SnowEventId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TaskAssigned> context)
    {
        progress.Storm?.OnAssigned(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TaskStateChanged> context) => ConfirmAsync(context.Message, context);

    public async Task Consume(ConsumeContext<TaskStateChanges> context)
    {
        foreach (var change in context.Message.Changes)
            await ConfirmAsync(change, context);
    }

    async Task ConfirmAsync(TaskStateChanged m, ConsumeContext context)
    {
        if (progress.Tasks is not { } tasks || m.SnowEventId != tasks.SnowEventId || tasks.ItemOf(m.TaskId) is not { } item)
            return;
        var step = m.State switch
        {
            TaskState.Accepted => 1,
            TaskState.Started => 2,
            TaskState.Completed => 3,
            _ => 0,
        };
        if (tasks.Round.Confirm(item, step) is { } next)
            await context.Publish(tasks.Report(next.Crew, next.Item, next.Step), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BaselinePong> context)
    {
        var m = context.Message;
        if (progress.Baseline is not { } baseline || m.RunId != baseline.RunId)
            return;
        if (baseline.Round.Confirm(BaselineTable.ItemOf(m.Row), m.Step) is { } next)
            await context.Publish(baseline.Ping(next.Item, next.Step), context.CancellationToken);
    }
}

/// <summary>Stands in for Routing: answers a storm's PlowRoutesRequested with the city's routes, as Routing publishes them.</summary>
public sealed class RoutingStandIn(StormProgress progress) : IConsumer<PlowRoutesRequested>
{
    public async Task Consume(ConsumeContext<PlowRoutesRequested> context)
    {
        if (progress.RoutesFor(context.Message.SnowEventId) is { } routes)
            await context.Publish(new PlowRoutesAssigned(context.Message.SnowEventId, routes), context.CancellationToken);
    }
}
