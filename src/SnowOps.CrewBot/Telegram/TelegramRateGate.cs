using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace SnowOps.CrewBot.Telegram;

/// <summary>
/// Every Telegram call that puts a message into a chat or changes one passes through here: at most
/// <see cref="TelegramOptions.MessagesPerSecond"/> in any second across the bot, one per
/// <see cref="TelegramOptions.PerChatInterval"/> to a chat, and on 429 the same call again after Telegram's retry_after.
/// </summary>
/// <remarks>
/// Each call holds a permit of the bot's limiter and one of its chat's from before it is made until a while after its
/// answer came back (a second for the bot, the interval for the chat). A token bucket would refill on a timer of its
/// own, so a chat idle long enough to have its token back could get a second message milliseconds after the first;
/// a permit held past the answer keeps the spacing as Telegram sees it, whatever the network does to the requests.
/// The limits are per bot token: one process sending for a token keeps them, two would each allow the full rate.
/// </remarks>
public sealed partial class TelegramRateGate : IDisposable
{
    static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // A timer can fire a tick early; this much more on every hold and wait keeps the spacing at or above the limit as
    // Telegram measures it, at a cost of about 1.5 % of the rate.
    static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    readonly TelegramOptions _options;
    readonly TimeProvider _clock;
    readonly ILogger<TelegramRateGate> _log;
    readonly ConcurrencyLimiter _bot;

    // One partition a chat; the library drops a partition once it has been idle for a while, so chats that stopped
    // writing do not pile up.
    readonly PartitionedRateLimiter<string> _chats;

    public TelegramRateGate(TelegramOptions options, TimeProvider clock, ILogger<TelegramRateGate> log)
    {
        (_options, _clock, _log) = (options, clock, log);
        _bot = new ConcurrencyLimiter(Queued(options.MessagesPerSecond));
        _chats = PartitionedRateLimiter.Create<string, string>(chat => RateLimitPartition.GetConcurrencyLimiter(chat, _ => Queued(1)));
    }

    /// <summary>
    /// Makes the call when the limits allow it. Waiting can be cancelled; the call itself gets no token, so that once
    /// made its outcome is known. A 429 beyond the configured attempts surfaces as the <see cref="ApiRequestException"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(string chatId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var chat = await AcquireAsync(_chats.AcquireAsync(chatId, 1, cancellationToken));
        var holdChat = _options.PerChatInterval;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var bot = await AcquireAsync(_bot.AcquireAsync(1, cancellationToken));
                try
                {
                    holdChat = _options.PerChatInterval;
                    return await call();
                }
                catch (ApiRequestException e) when (e.ErrorCode == 429)
                {
                    // Only this chat waits: the bot's own limit keeps it under Telegram's overall one, so a 429 is most
                    // likely about this chat (a group's 20 a minute, say), and stopping every crew's cards for it would
                    // delay them all by up to retry_after. Should the whole bot be over, each chat's 429 slows it down.
                    var wait = RetryAfter(e);
                    holdChat = wait > _options.PerChatInterval ? wait : _options.PerChatInterval;
                    if (attempt >= _options.TooManyRequestsAttempts)
                        throw;
                    LogTooManyRequests(_log, chatId, wait.TotalSeconds, attempt);
                    await Task.Delay(wait + Slack, _clock, cancellationToken);
                }
                finally
                {
                    ReleaseLater(bot, Second);
                }
            }
        }
        finally
        {
            ReleaseLater(chat, holdChat);
        }
    }

    /// <summary>Telegram's retry_after; a 429 without one waits a second.</summary>
    static TimeSpan RetryAfter(ApiRequestException e) =>
        e.Parameters?.RetryAfter is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : Second;

    static ConcurrencyLimiterOptions Queued(int permits) => new()
    {
        PermitLimit = permits,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    static async Task<RateLimitLease> AcquireAsync(ValueTask<RateLimitLease> acquiring)
    {
        var lease = await acquiring;
        if (lease.IsAcquired)
            return lease;
        lease.Dispose();
        throw new InvalidOperationException("The Telegram rate gate refused a permit.");
    }

    void ReleaseLater(RateLimitLease lease, TimeSpan after) =>
        _ = Task.Delay(after + Slack, _clock).ContinueWith(_ => lease.Dispose(), TaskScheduler.Default);

    public void Dispose()
    {
        _bot.Dispose();
        _chats.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Telegram answered 429 for chat {ChatId}; trying again in {Seconds} s (attempt {Attempt})")]
    static partial void LogTooManyRequests(ILogger logger, string chatId, double seconds, int attempt);
}
