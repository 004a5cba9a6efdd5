using MassTransit;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects the state changes Dispatch made together (a batch of crews' completions or progress reports), by the same
/// rule, as one batch: Dispatch already gathered what <see cref="StateProjection"/> gathers from single changes.
/// </summary>
public sealed class StateChangesProjection(StatusDbContext db, IStatusFeed feed) : IConsumer<TaskStateChanges>
{
    public Task Consume(ConsumeContext<TaskStateChanges> context) =>
        TaskBatch.ProjectAsync(db, feed, context.Message.Changes, m => m.TaskId, TaskProjection.Apply, m => m.Changed, context.CancellationToken);

    /// <summary>Its endpoint: <see cref="TaskBatch.Concurrency"/> messages saved at once, as many batches as a batch consumer saves.</summary>
    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = TaskBatch.Concurrency * 2;
        endpoint.ConcurrentMessageLimit = TaskBatch.Concurrency;
    }
}
