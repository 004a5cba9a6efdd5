using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects the trucks' progress reports in batches (<see cref="TaskBatch"/>) by the rule of one at a time
/// (<see cref="TaskProjection.Apply(TaskRow, TaskProgressReported)"/>): a storm sends a report per truck every few seconds.
/// </summary>
public sealed class ProgressProjection(StatusDbContext db, IStatusFeed feed) : IConsumer<Batch<TaskProgressReported>>
{
    public Task Consume(ConsumeContext<Batch<TaskProgressReported>> context) =>
        TaskBatch.ProjectAsync(db, feed, context, r => r.TaskId, TaskProjection.Apply, r => r.Reported);
}
