using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
    /// Batches saved at once: while one waits for the database, the other is applied. Batches that share tasks take
    /// their rows one after the other (<see cref="Locked"/>).
    /// </summary>
    public const int Concurrency = 2;

    /// <summary>
    /// Messages the broker hands the endpoint ahead: a batch can only fill from what has been handed over (RabbitMQ's
    /// default here would be 4, a batch of 4), and the next batch fills while the others are saved.
    /// </summary>
    public const int Prefetch = (Concurrency + 1) * Size;

    /// <summary>The endpoint of a batch projection: <see cref="Prefetch"/> messages handed over, and as many in hand at once.</summary>
    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = Prefetch;
        endpoint.ConcurrentMessageLimit = Prefetch;
    }

    /// <summary>
    /// The batch's rows. On PostgreSQL they are locked as they are read, in one order: a batch of the other projection, or
    /// the next batch of this one, that holds some of the same tasks waits until this one commits and then reads what it
    /// wrote, instead of writing over it from what it read before. (SQLite lets one transaction write at a time and fails
    /// a write based on an older read; the bus then runs the batch again.)
    /// </summary>
    static IQueryable<TaskRow> Locked(StatusDbContext db, List<Guid> ids)
    {
        if (!db.Database.IsNpgsql())
            return db.Tasks.Where(t => ids.Contains(t.TaskId));
        var id = SqlNames.Column<TaskRow>(db, nameof(TaskRow.TaskId));
        // Names from the model; the ids are a parameter.
#pragma warning disable EF1002
        return db.Tasks.FromSqlRaw($"SELECT * FROM {SqlNames.Table<TaskRow>(db)} WHERE {id} = ANY(@ids) ORDER BY {id} FOR UPDATE",
            new NpgsqlParameter("ids", ids.ToArray()));
#pragma warning restore EF1002
    }

    public static Task ProjectAsync<T>(StatusDbContext db, IStatusFeed feed, ConsumeContext<Batch<T>> context, Func<T, Guid> taskOf,
        Func<TaskRow, T, bool> apply, Func<T, DateTimeOffset> timeOf)
        where T : class =>
        ProjectAsync(db, feed, [.. context.Message.Where(OutboxSession.IsNew).Select(m => m.Message)], taskOf, apply, timeOf, context.CancellationToken);

    /// <summary>Messages that came together in one (<see cref="SnowOps.Contracts.TaskStateChanges"/>), applied as a batch.</summary>
    public static async Task ProjectAsync<T>(StatusDbContext db, IStatusFeed feed, IReadOnlyList<T> messages, Func<T, Guid> taskOf,
        Func<TaskRow, T, bool> apply, Func<T, DateTimeOffset> timeOf, CancellationToken cancellationToken)
    {
        var ids = messages.Select(taskOf).Distinct().ToList();
        var rows = await Locked(db, ids).ToDictionaryAsync(t => t.TaskId, cancellationToken);

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
