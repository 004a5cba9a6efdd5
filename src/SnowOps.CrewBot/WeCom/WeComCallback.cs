namespace SnowOps.CrewBot.WeCom;

/// <summary>What a decrypted WeCom callback said.</summary>
public abstract record WeComCallback(string FromUser, DateTimeOffset CreatedAt);

/// <summary>
/// A crew member pressed a button on a template card (Event template_card_event): which button (its key), on which card
/// (the task_id the card was sent with), and the response code that allows updating that card once within 72 hours.
/// </summary>
public sealed record WeComButtonPressed(
    string FromUser, DateTimeOffset CreatedAt, string EventKey, string CardTaskId, string? ResponseCode, string? CardType, int? AgentId)
    : WeComCallback(FromUser, CreatedAt);

/// <summary>A crew member wrote to the app (MsgType text).</summary>
public sealed record WeComTextMessage(string FromUser, DateTimeOffset CreatedAt, string Content, string? MsgId, int? AgentId)
    : WeComCallback(FromUser, CreatedAt);

/// <summary>Any other message or event (images, entering the app, location reports…): acknowledged, not acted on.</summary>
public sealed record WeComUnsupported(string FromUser, DateTimeOffset CreatedAt, string MsgType, string? Event)
    : WeComCallback(FromUser, CreatedAt);
