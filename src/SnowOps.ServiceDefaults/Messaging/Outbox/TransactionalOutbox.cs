using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The transactional outbox and inbox: a unit of work (a consumer's message, a saga's step, an HTTP command, a timer's
/// run) runs in one database transaction of its module; what it publishes is saved in the module's outbox table in that
/// transaction, and the module's <see cref="OutboxRelay{TContext}"/> sends it afterwards. A consumer's message id is saved
/// in the inbox in the same transaction, so a message that comes again is not handled again.
/// </summary>
public sealed class TransactionalOutbox(IServiceProvider services, ILogger<TransactionalOutbox> logger)
{
    readonly ConcurrentDictionary<Assembly, Type> contexts = new();
    readonly ConcurrentDictionary<Type, SemaphoreSlim> signals = new();

    internal void Register(Type context)
    {
        contexts[context.Assembly] = context;
        signals.GetOrAdd(context, _ => new SemaphoreSlim(0));
    }

    /// <summary>Whether any module database has an outbox: then its consumers run through their inbox.</summary>
    public bool Enabled => !contexts.IsEmpty;

    /// <summary>The module database a consumer of <paramref name="consumer"/>'s module keeps its state in, or null.</summary>
    internal Type? ContextFor(Type consumer) => contexts.GetValueOrDefault(consumer.Assembly);

    internal SemaphoreSlim SignalFor(Type context) => signals.GetOrAdd(context, _ => new SemaphoreSlim(0));

    /// <summary>
    /// Runs <paramref name="work"/> as one unit: its changes to <paramref name="db"/> and what it publishes commit together.
    /// Inside a unit already running on the same context it just runs.
    /// </summary>
    public Task RunAsync(DbContext db, Func<Task> work, CancellationToken cancellationToken) =>
        RunAsync(db, null, [], _ => work(), cancellationToken);

    /// <summary>As <see cref="RunAsync(DbContext, Func{Task}, CancellationToken)"/>, with the work's result.</summary>
    public async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        T result = default!;
        await RunAsync(db, null, [], async _ => result = await work(), cancellationToken);
        return result;
    }

    /// <summary>
    /// As <see cref="RunAsync(DbContext, Func{Task}, CancellationToken)"/>, for a consumer: messages it has handled before
    /// (by id) are skipped, and the ones it handles now are recorded in its inbox with the change.
    /// </summary>
    /// <returns>False when every message had been handled before and nothing ran.</returns>
    public async Task<bool> RunAsync(DbContext db, string? consumer, IReadOnlyCollection<Guid> messageIds, Func<OutboxSession, Task> work,
        CancellationToken cancellationToken)
    {
        if (OutboxSession.Current is { } running && ReferenceEquals(running.Db, db))
        {
            await work(running);
            return true;
        }
        var attempt = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        var session = await strategy.ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
                db.ChangeTracker.Clear();
            return await InTransactionAsync(db, consumer, messageIds, work, ct);
        }, cancellationToken);
        if (session is null)
        {
            logger.LogDebug("{Consumer} has handled {Messages} already: skipped", consumer, string.Join(", ", messageIds));
            return false;
        }
        if (session is { Abandoned: false, Messages.Count: > 0 })
            Signal(db);
        return true;
    }

    async Task<OutboxSession?> InTransactionAsync(DbContext db, string? consumer, IReadOnlyCollection<Guid> messageIds, Func<OutboxSession, Task> work,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seen = consumer is null || messageIds.Count == 0
            ? []
            : (await db.Set<InboxMessage>().AsNoTracking()
                .Where(i => i.Consumer == consumer && messageIds.Contains(i.MessageId))
                .Select(i => i.MessageId).ToListAsync(cancellationToken)).ToHashSet();
        if (messageIds.Count > 0 && seen.Count == messageIds.Count)
            return null;
        var session = new OutboxSession(db, seen, services);
        OutboxSession.Current = session;
        try
        {
            await work(session);
            if (session.Abandoned)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return session;
            }
            await OutboxWrites.SaveAsync(db, consumer, messageIds.Where(id => !seen.Contains(id)).Distinct().ToList(), session.Messages,
                DateTime.UtcNow, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return session;
        }
        finally
        {
            session.Complete();
            OutboxSession.Current = null;
        }
    }

    void Signal(DbContext db)
    {
        foreach (var (type, signal) in signals)
            if (type.IsInstanceOfType(db) && signal.CurrentCount == 0)
                signal.Release();
    }
}
