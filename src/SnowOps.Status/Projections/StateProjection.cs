using MassTransit;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects task state changes in batches (<see cref="TaskBatch"/>) by the rule of one at a time
/// (<see cref="TaskProjection.Apply(TaskRow, TaskStateChanged)"/>): in a storm every crew's accept, start and completion
/// arrives here.
/// </summary>
public sealed class StateProjection(StatusDbContext db, IStatusFeed feed) : IConsumer<Batch<TaskStateChanged>>
{
    public Task Consume(ConsumeContext<Batch<TaskStateChanged>> context) =>
        TaskBatch.ProjectAsync(db, feed, context, m => m.TaskId, TaskProjection.Apply, m => m.Changed);
}
