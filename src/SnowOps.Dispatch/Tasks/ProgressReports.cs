using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Trucks' progress reports in batches: in a storm every vehicle reports every few seconds. The batch's tasks are read in
/// one query, each report is applied by the rules of one at a time (<see cref="CrewReports.ProgressAsync"/>), oldest
/// first, and the batch is saved, with its inbox entries and the starts it publishes, in one transaction. A report of
/// the batch handled before (a redelivery) is skipped.
/// </summary>
public sealed class ProgressReports(DispatchDbContext db, CrewReports reports) : IConsumer<Batch<TaskProgressReported>>
{
    public async Task Consume(ConsumeContext<Batch<TaskProgressReported>> context)
    {
        var fresh = context.Message.Where(OutboxSession.IsNew).Select(c => c.Message).OrderBy(m => m.Reported).ToList();
        var ids = fresh.Select(m => m.TaskId).Distinct().ToList();
        await db.Tasks.Where(t => ids.Contains(t.Id)).LoadAsync(context.CancellationToken);
        // Published through the batch's context, which is the unit of work's: the starts go to the outbox.
        foreach (var report in fresh)
            await reports.ProgressAsync(context, report, save: false);
        await db.SaveInBulkAsync(context.CancellationToken);
    }
}
