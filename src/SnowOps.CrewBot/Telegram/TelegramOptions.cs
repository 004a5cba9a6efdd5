namespace SnowOps.CrewBot.Telegram;

public enum TelegramMode
{
    Off,
    Webhook,
    Polling,
}

/// <summary>The settings under <c>SnowOps:CrewBot:Telegram</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "SnowOps:CrewBot:Telegram";

    /// <summary>The bot's token from @BotFather; without one the bot is off.</summary>
    public string? Token { get; init; }

    /// <summary>Another Bot API server (a local one, or a fake in tests); null is api.telegram.org.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The secret Telegram sends as <c>X-Telegram-Bot-Api-Secret-Token</c> with each webhook call.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>In webhook mode, the public https URL of <c>/api/telegram/webhook</c>; when set, SnowOps registers it at start-up.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>How updates arrive; unset with a token means polling.</summary>
    public TelegramMode? Mode { get; init; }

    /// <summary>How long one getUpdates call waits for updates.</summary>
    public int PollSeconds { get; init; } = 25;

    /// <summary>Messages (sent or edited) the bot puts out in any one second, across all chats; Telegram allows about 30.</summary>
    public int MessagesPerSecond { get; init; } = 30;

    /// <summary>The least time between two messages to one chat; Telegram allows about one a second.</summary>
    public TimeSpan PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often one call is made when Telegram answers 429 (each time after its retry_after); after the last, the 429 surfaces.</summary>
    public int TooManyRequestsAttempts { get; init; } = 3;

    /// <summary>
    /// Cards the queue's sender works on at once. Twice <see cref="MessagesPerSecond"/> by default: while half wait at the
    /// rate gate, the others read and claim their rows, so the database's time does not come out of the rate.
    /// </summary>
    public int Senders { get; init; } = 60;

    /// <summary>How often the sender looks for queued cards nobody told it about (left from before a restart, or due again after a failure).</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a card whose sending failed (not for good) waits before it is tried again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TelegramMode EffectiveMode => string.IsNullOrWhiteSpace(Token) ? TelegramMode.Off : Mode ?? TelegramMode.Polling;

    public void Validate()
    {
        if (EffectiveMode == TelegramMode.Webhook && string.IsNullOrEmpty(WebhookSecret))
            throw new InvalidOperationException($"{Section}:Mode is Webhook but {Section}:WebhookSecret is not set.");
        if (WebhookSecret is { Length: > 256 } || (WebhookSecret?.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) ?? false))
            throw new InvalidOperationException($"{Section}:WebhookSecret is 1 to 256 characters of A-Z, a-z, 0-9, _ and -.");
        if (WebhookUrl is not null && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            throw new InvalidOperationException($"{Section}:WebhookUrl is an absolute https URL.");
        if (PollSeconds is < 0 or > 50)
            throw new InvalidOperationException($"{Section}:PollSeconds is 0 to 50.");
        if (MessagesPerSecond is < 1 or > 1000)
            throw new InvalidOperationException($"{Section}:MessagesPerSecond is 1 to 1000.");
        if (PerChatInterval < TimeSpan.Zero || PerChatInterval > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"{Section}:PerChatInterval is 00:00:00 to 00:01:00.");
        if (TooManyRequestsAttempts is < 1 or > 20)
            throw new InvalidOperationException($"{Section}:TooManyRequestsAttempts is 1 to 20.");
        if (Senders is < 1 or > 1000)
            throw new InvalidOperationException($"{Section}:Senders is 1 to 1000.");
        if (QueuePollInterval <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:QueuePollInterval is more than zero and RetryDelay not less.");
    }
}
