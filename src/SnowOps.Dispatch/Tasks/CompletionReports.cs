using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Crews' completions in batches: in a storm thousands of crews finish within the same minutes. The batch's tasks are read
/// in one query, each completion is applied by the rules of one at a time (<see cref="CrewReports"/>), in the order the
/// crews finished, and the batch is saved, with its inbox entries and the state changes it publishes, in one transaction.
/// A completion of the batch handled before (a redelivery) is skipped.
/// </summary>
public sealed class CompletionReports(DispatchDbContext db, CrewReports reports) : IConsumer<Batch<TaskCompleted>>
{
    /// <summary>At most this many completions in one batch, and none waits longer than <see cref="Wait"/> for it to fill.</summary>
    public const int Size = 200;

    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Batches saved at once: while one waits for the database, the other is applied. A task in both is saved by the
    /// first; the second fails on the task's version and runs again from the saved state.
    /// </summary>
    public const int Concurrency = 2;

    /// <summary>Completions the broker hands over ahead: a batch only fills from these, and the next one fills while the others are saved.</summary>
    public const int Prefetch = (Concurrency + 1) * Size;

    /// <summary>How Dispatch's batch consumers (completions, progress reports) collect their batches.</summary>
    public static void Batches(BatchOptions options) =>
        options.SetMessageLimit(Size).SetTimeLimit(Wait).SetConcurrencyLimit(Concurrency);

    /// <summary>The endpoint of a batch consumer: <see cref="Prefetch"/> messages handed over, and as many in hand at once.</summary>
    public static void Configure(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.PrefetchCount = Prefetch;
        endpoint.ConcurrentMessageLimit = Prefetch;
    }

    public async Task Consume(ConsumeContext<Batch<TaskCompleted>> context)
    {
        var fresh = context.Message.Where(OutboxSession.IsNew).Select(c => c.Message).OrderBy(m => m.Completed).ToList();
        var ids = fresh.Select(m => m.TaskId).Distinct().ToList();
        await db.Tasks.Where(t => ids.Contains(t.Id)).LoadAsync(context.CancellationToken);
        // Published through the batch's context, which is the unit of work's: the state changes go to the outbox.
        foreach (var completion in fresh)
            await reports.CompleteAsync(context, completion, save: false);
        await db.SaveInBulkAsync(context.CancellationToken);
    }
}
