using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects the trucks' progress reports in batches: every report of a batch applied to its task's row by the same rule
/// as one at a time (<see cref="TaskProjection.Apply"/>), saved in one transaction, and one push per task that changed.
/// A storm sends a report per truck every few seconds; saving each alone would spend the database on commits.
/// </summary>
public sealed class ProgressProjection(StatusDbContext db, IStatusFeed feed) : IConsumer<Batch<TaskProgressReported>>
{
    /// <summary>At most this many reports in one batch, and none waits longer than <see cref="Wait"/> for it to fill.</summary>
    public const int BatchSize = 200;

    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);

    public async Task Consume(ConsumeContext<Batch<TaskProgressReported>> context)
    {
        var cancellationToken = context.CancellationToken;
        var reports = context.Message.Select(m => m.Message).ToList();
        var ids = reports.Select(r => r.TaskId).Distinct().ToList();
        var rows = await db.Tasks.Where(t => ids.Contains(t.TaskId)).ToDictionaryAsync(t => t.TaskId, cancellationToken);

        // The push tells of the oldest report it carries: event-to-screen is counted from the report that waited longest.
        var oldest = new Dictionary<Guid, DateTimeOffset>();
        foreach (var report in reports)
        {
            var added = !rows.TryGetValue(report.TaskId, out var row);
            if (added)
            {
                row = TaskProjection.NewRow(report.TaskId);
                db.Tasks.Add(row);
                rows[report.TaskId] = row;
            }
            if (TaskProjection.Apply(row!, report) | added)
                oldest[report.TaskId] = oldest.TryGetValue(report.TaskId, out var at) && at < report.Reported ? at : report.Reported;
        }
        if (!await db.SaveIfChangedAsync(cancellationToken))
            return;
        foreach (var (taskId, at) in oldest)
            await feed.TaskChanged(rows[taskId], at, cancellationToken);
    }
}
