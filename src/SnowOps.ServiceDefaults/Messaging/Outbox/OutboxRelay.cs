using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Sends what a module's units of work saved in its outbox, oldest first, and removes each batch once the broker has
/// confirmed every message of it. Woken by each commit, and every <see cref="OutboxOptions.Poll"/> to pick up what a
/// stopped process left. With several replicas of a module, each takes other rows (PostgreSQL's SKIP LOCKED); a crash
/// after sending and before removing sends a batch again with the same message ids, which every inbox drops.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    TransactionalOutbox outbox,
    IBus bus,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    DateTime nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signal = outbox.SignalFor(typeof(TContext));
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RelayBatchAsync(settings.BatchSize, stoppingToken) == settings.BatchSize)
                    continue;
                await CleanInboxAsync(settings, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The {Context} outbox could not be sent; trying again in {Delay}", typeof(TContext).Name, settings.RetryDelay);
                await Task.Delay(settings.RetryDelay, stoppingToken);
                continue;
            }
            try
            {
                await signal.WaitAsync(settings.Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch and removes it; returns how many it sent.</summary>
    public async Task<int> RelayBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await Claim(db, batchSize).AsNoTracking().ToListAsync(ct);
            if (rows.Count == 0)
                return 0;
            // A confirm lost with a dropped connection would hold the batch for ever: past the timeout the batch is given up,
            // its rows stay, and the next try sends them again with the same ids (the inboxes drop what did arrive).
            await Task.WhenAll(rows.Select(row => SendAsync(row, ct))).WaitAsync(options.Value.SendTimeout, ct);
            var sequences = rows.Select(r => r.Sequence).ToList();
            await db.Set<OutboxMessage>().Where(m => sequences.Contains(m.Sequence)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return rows.Count;
        }, cancellationToken);
    }

    static IQueryable<OutboxMessage> Claim(DbContext db, int batchSize)
    {
        if (!db.Database.IsNpgsql())
            return db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Take(batchSize);
        // Names from the model and a number: nothing from outside goes into this statement.
        var sql = "SELECT * FROM " + SqlNames.Table<OutboxMessage>(db) + " ORDER BY sequence LIMIT " + batchSize + " FOR UPDATE SKIP LOCKED";
        return db.Set<OutboxMessage>().FromSqlRaw(sql);
    }

    Task SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = Type.GetType(row.MessageType);
        if (type is null || JsonSerializer.Deserialize(row.Body, type, SystemTextJsonMessageSerializer.Options) is not { } message)
        {
            logger.LogError("Outbox message {Id} of unknown type {Type} cannot be sent and is dropped: {Body}", row.MessageId, row.MessageType, row.Body);
            return Task.CompletedTask;
        }
        var headers = row.Headers is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers);
        void Stamp(SendContext context)
        {
            context.MessageId = row.MessageId;
            context.CorrelationId = row.CorrelationId;
            context.ConversationId = row.ConversationId;
            context.InitiatorId = row.InitiatorId;
            foreach (var (key, value) in headers ?? [])
                context.Headers.Set(key, value);
        }
        return row.Destination is null
            ? bus.Publish(message, type, Pipe.Execute<PublishContext>(Stamp), cancellationToken)
            : SendToAsync(new Uri(row.Destination), message, type, Stamp, cancellationToken);
    }

    async Task SendToAsync(Uri address, object message, Type type, Action<SendContext> stamp, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(address);
        await endpoint.Send(message, type, Pipe.Execute(stamp), cancellationToken);
    }

    async Task CleanInboxAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        if (now < nextCleanup)
            return;
        nextCleanup = now + settings.InboxCleanup;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var before = now - settings.InboxRetention;
        var removed = await db.Set<InboxMessage>().Where(i => i.Handled < before).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
            logger.LogInformation("Removed {Count} inbox entries of {Context} handled before {Before:u}", removed, typeof(TContext).Name, before);
    }
}

/// <summary><c>SnowOps:Outbox</c>: how the relays send and how long inboxes remember.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows sent per batch (and per transaction).</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>How often a relay looks for rows nobody woke it for (left by a stopped process).</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a batch may wait for the broker's confirms before it is given up and sent again.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The wait after a failed send (broker or database away) before the next try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a consumer remembers a message id; a copy arriving later than this would be handled again.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How often old inbox entries are removed.</summary>
    public TimeSpan InboxCleanup { get; set; } = TimeSpan.FromHours(1);
}
