using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Trucks' progress reports in batches (<see cref="ReportBatch"/>): in a storm every vehicle reports every few seconds.</summary>
public sealed class ProgressReports(DispatchDbContext db, CrewReports reports) : IConsumer<Batch<TaskProgressReported>>
{
    public Task Consume(ConsumeContext<Batch<TaskProgressReported>> context) =>
        ReportBatch.ApplyAsync(db, context, m => m.TaskId, m => m.Reported, (m, changes) => reports.ProgressAsync(context, m, changes));
}
