using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// A batch of task messages applied to the tasks' rows: the rows read in one query, every message applied by the same rule
/// as one at a time, saved in one transaction, and one push per task that changed. A storm brings thousands of them a
/// second; saving each alone would spend the database on commits. A message of the batch this projection has handled
/// before (a redelivery) is skipped.
/// </summary>
static class TaskBatch
{
    /// <summary>At most this many messages in one batch, and none waits longer than <see cref="Wait"/> for it to fill.</summary>
    public const int Size = 200;

    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Messages the broker hands the endpoint ahead: a batch can only fill from what has been handed over (RabbitMQ's
    /// default here would be 4, a batch of 4), and the next batch fills while one is saved.
    /// </summary>
    public const int Prefetch = 2 * Size;

    public static async Task ProjectAsync<T>(StatusDbContext db, IStatusFeed feed, ConsumeContext<Batch<T>> context, Func<T, Guid> taskOf,
        Func<TaskRow, T, bool> apply, Func<T, DateTimeOffset> timeOf)
        where T : class
    {
        var cancellationToken = context.CancellationToken;
        var messages = context.Message.Where(OutboxSession.IsNew).Select(m => m.Message).ToList();
        var ids = messages.Select(taskOf).Distinct().ToList();
        var rows = await db.Tasks.Where(t => ids.Contains(t.TaskId)).ToDictionaryAsync(t => t.TaskId, cancellationToken);

        // The push tells of the oldest message it carries: event-to-screen is counted from the one that waited longest.
        var oldest = new Dictionary<Guid, DateTimeOffset>();
        foreach (var message in messages)
        {
            var taskId = taskOf(message);
            var added = !rows.TryGetValue(taskId, out var row);
            if (added)
            {
                row = TaskProjection.NewRow(taskId);
                db.Tasks.Add(row);
                rows[taskId] = row;
            }
            var at = timeOf(message);
            if (apply(row!, message) | added)
                oldest[taskId] = oldest.TryGetValue(taskId, out var seen) && seen < at ? seen : at;
        }
        if (!await db.SaveInBulkAsync(cancellationToken))
            return;
        // The batch's changes in one push to the screens.
        await feed.TasksChanged([.. oldest.Select(change => (rows[change.Key], change.Value))], cancellationToken);
    }
}
