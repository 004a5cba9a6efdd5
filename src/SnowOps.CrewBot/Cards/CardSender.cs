using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// Drains the outbound queue (sent_cards rows with <see cref="SentCard.Queued"/> set): new cards before edits, the
/// longest waiting first, up to <see cref="TelegramOptions.Senders"/> at once and one at a time to a chat, each through
/// the messenger's rate gate. It wakes when a card is queued and looks again every
/// <see cref="TelegramOptions.QueuePollInterval"/> for rows nobody announced (left from before a restart, or due again).
/// </summary>
/// <remarks>
/// Run one sender per bot token: Telegram's limits are per bot, and at start-up a sender releases every claim it finds
/// as left by a sender that stopped. There is no election between hosts; run CrewBot's sender in one process.
/// </remarks>
public sealed partial class CardSender(
    IServiceScopeFactory scopes, CardQueue queue, TelegramOptions options, TimeProvider clock,
    ILogger<CardSender> log) : BackgroundService
{
    readonly ConcurrentDictionary<(string Messenger, string ChatId), byte> _busyChats = new();
    readonly ConcurrentDictionary<Task, byte> _running = new();

    static readonly TimeSpan SoonestLook = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Senders);
        try
        {
            await ReleaseClaimsAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = 0;
                foreach (var key in await DueAsync(stoppingToken))
                {
                    if (!_busyChats.TryAdd((key.Messenger, key.ChatId), 0))
                        continue;
                    try
                    {
                        await slots.WaitAsync(stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        _busyChats.TryRemove((key.Messenger, key.ChatId), out _);
                        throw;
                    }
                    started++;
                    var delivery = Task.Run(() => DeliverAsync(key, slots, stoppingToken), CancellationToken.None);
                    _running.TryAdd(delivery, 0);
                    _ = delivery.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
                }
                if (started == 0)
                    await queue.WaitAsync(await UntilNextDueAsync(stoppingToken), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Calls already made are seen through, and their outcome saved.
            await Task.WhenAll(_running.Keys);
        }
    }

    async Task DeliverAsync(QueuedCard key, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CardDelivery>().DeliverAsync(key, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogDeliveryFailed(log, key.Messenger, key.ChatId, key.TaskId, e);
        }
        finally
        {
            _busyChats.TryRemove((key.Messenger, key.ChatId), out _);
            slots.Release();
            queue.Wake();
        }
    }

    /// <summary>The rows due now, new cards first, then the longest waiting; more than can be sent at once, since some chats are busy.</summary>
    async Task<List<QueuedCard>> DueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var names = MessengerNames(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<CrewBotDbContext>();
            return await db.SentCards.AsNoTracking()
                .Where(s => s.Queued != null && s.Queued <= now && s.Claimed == null && names.Contains(s.Messenger))
                .OrderByDescending(s => s.Anew).ThenBy(s => s.Queued)
                .Take(Math.Max(100, 4 * options.Senders))
                .Select(s => new QueuedCard(s.Messenger, s.ChatId, s.TaskId))
                .ToListAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueueFailed(log, e);
            return [];
        }
    }

    /// <summary>
    /// How long to wait for more work: until the earliest card put back for later falls due (a 429's retry_after), and
    /// never longer than <see cref="TelegramOptions.QueuePollInterval"/>.
    /// </summary>
    async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var names = MessengerNames(scope.ServiceProvider);
            var db = scope.ServiceProvider.GetRequiredService<CrewBotDbContext>();
            var next = await db.SentCards.AsNoTracking()
                .Where(s => s.Queued != null && s.Claimed == null && names.Contains(s.Messenger))
                .OrderBy(s => s.Queued).Select(s => s.Queued).FirstOrDefaultAsync(cancellationToken);
            // A row that fell due since the queue was read comes up at the next look, soon; one still on its way to a
            // claim is not looked at again in a tight loop.
            var wait = next is { } due ? due - now : options.QueuePollInterval;
            return wait < SoonestLook ? SoonestLook : wait < options.QueuePollInterval ? wait : options.QueuePollInterval;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueueFailed(log, e);
            return options.QueuePollInterval;
        }
    }

    /// <summary>Claims left by a sender that stopped between claiming a row and saving its outcome; see <see cref="CardDelivery"/>.</summary>
    async Task ReleaseClaimsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = MessengerNames(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<CrewBotDbContext>();
        var released = await db.SentCards.Where(s => s.Claimed != null && names.Contains(s.Messenger))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Claimed, (DateTimeOffset?)null)
                .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
        if (released > 0)
            LogClaimsReleased(log, released);
    }

    /// <summary>The messengers that are on; some live in a scope (WeCom's keeps its cards' codes in the database).</summary>
    static List<string> MessengerNames(IServiceProvider services) => services.GetServices<ICrewMessenger>().Select(m => m.Name).ToList();

    [LoggerMessage(LogLevel.Error, "{Messenger} chat {ChatId}: task {TaskId}'s card could not be delivered")]
    static partial void LogDeliveryFailed(ILogger logger, string messenger, string chatId, Guid taskId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The outbound card queue could not be read; looking again shortly")]
    static partial void LogQueueFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "{Count} cards were claimed by a sender that stopped; they are not sent again, only brought up to date")]
    static partial void LogClaimsReleased(ILogger logger, int count);
}
