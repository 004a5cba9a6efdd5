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
    }
}
