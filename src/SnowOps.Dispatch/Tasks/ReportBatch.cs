using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Crews' reports in batches (<see cref="CompletionReports"/>, <see cref="ProgressReports"/>): the batch's tasks are read in
/// one query, each report is applied by the rules of one at a time (<see cref="CrewReports"/>), oldest first, and the
/// batch is saved, with its inbox entries and one message of the state changes it made, in one transaction. A report of
/// the batch handled before (a redelivery) is skipped.
/// </summary>
public static class ReportBatch
{
    /// <summary>At most this many reports in one batch, and none waits longer than <see cref="Wait"/> for it to fill.</summary>
    public const int Size = 200;

    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Batches saved at once: while one waits for the database, the other is applied. A task in both is saved by the
    /// first; the second fails on the task's version and runs again from the saved state.
    /// </summary>
    public const int Concurrency = 2;

    /// <summary>Reports the broker hands over ahead: a batch only fills from these, and the next one fills while the others are saved.</summary>
    public const int Prefetch = (Concurrency + 1) * Size;

    /// <summary>How the batches are collected.</summary>
    public static void Options(BatchOptions options) => options.SetMessageLimit(Size).SetTimeLimit(Wait).SetConcurrencyLimit(Concurrency);

    /// <summary>The endpoint: <see cref="Prefetch"/> messages handed over, and as many in hand at once.</summary>
    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = Prefetch;
        endpoint.ConcurrentMessageLimit = Prefetch;
    }

    /// <param name="apply">Applies one report and adds the state change it makes, if any, to the batch's.</param>
    /// <remarks>
    /// The batch's state changes go out as one <see cref="TaskStateChanges"/> through the unit's outbox: one message where
    /// there were up to <see cref="Size"/>, for the broker, the relay and every consumer downstream.
    /// </remarks>
    public static async Task ApplyAsync<T>(DispatchDbContext db, ConsumeContext<Batch<T>> context, Func<T, Guid> taskOf,
        Func<T, DateTimeOffset> timeOf, Func<T, ICollection<TaskStateChanged>, Task> apply)
        where T : class
    {
        var fresh = context.Message.Where(OutboxSession.IsNew).Select(c => c.Message).OrderBy(timeOf).ToList();
        var ids = fresh.Select(taskOf).Distinct().ToList();
        await db.Tasks.Where(t => ids.Contains(t.Id)).LoadAsync(context.CancellationToken);
        var changes = new List<TaskStateChanged>();
        foreach (var report in fresh)
            await apply(report, changes);
        await db.SaveInBulkAsync(context.CancellationToken);
        if (changes.Count > 0)
            await context.Publish(new TaskStateChanges(changes), context.CancellationToken);
    }
}
