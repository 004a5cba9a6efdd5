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

/// <summary>A crew member sent a picture (MsgType image): <paramref name="MediaId"/> fetches it for three days.</summary>
public sealed record WeComImageMessage(string FromUser, DateTimeOffset CreatedAt, string MediaId, string? MsgId, int? AgentId)
    : WeComCallback(FromUser, CreatedAt);

/// <summary>
/// Where a crew member is: a location they sent (MsgType location; <paramref name="IsReport"/> false), or the position the
/// app reports by itself while the member has it open and location reporting is on (Event LOCATION; true), with its
/// precision in meters.
/// </summary>
public sealed record WeComLocation(
    string FromUser, DateTimeOffset CreatedAt, double Latitude, double Longitude, double? PrecisionMeters, bool IsReport, string? MsgId)
    : WeComCallback(FromUser, CreatedAt);

/// <summary>Any other message or event (voice, video, files, entering the app…): acknowledged, not acted on.</summary>
public sealed record WeComUnsupported(string FromUser, DateTimeOffset CreatedAt, string MsgType, string? Event)
    : WeComCallback(FromUser, CreatedAt);
