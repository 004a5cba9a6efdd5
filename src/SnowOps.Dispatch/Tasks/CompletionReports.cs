using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Crews' completions in batches (<see cref="ReportBatch"/>): in a storm thousands of crews finish within the same minutes.</summary>
public sealed class CompletionReports(DispatchDbContext db, CrewReports reports) : IConsumer<Batch<TaskCompleted>>
{
    public Task Consume(ConsumeContext<Batch<TaskCompleted>> context) =>
        ReportBatch.ApplyAsync(db, context, m => m.TaskId, m => m.Completed, (m, changes) => reports.CompleteAsync(context, m, changes));
}
