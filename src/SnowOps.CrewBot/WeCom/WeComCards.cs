namespace SnowOps.CrewBot.WeCom;

/// <summary>A button on a card: its label, and the key WeCom sends back as the click's EventKey (at most 1024 bytes).</summary>
public sealed record WeComButton(string Text, string Key);

/// <summary>
/// A button_interaction template card. Its task_id must never repeat within the app, so each card gets a fresh one
/// unless it is updating a card sent before. With <see cref="ReplaceText"/> and no buttons, an update shows a grey
/// button that cannot be pressed.
/// </summary>
public sealed record WeComButtonCard(string Title, string? SubTitle, IReadOnlyList<WeComButton> Buttons)
{
    public string? Description { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>The card's task_id: digits, letters and "_-@" only, at most 128 bytes.</summary>
    public string CardTaskId { get; init; } = Guid.NewGuid().ToString("N");

    public string? ReplaceText { get; init; }
}

/// <summary>A textcard: a title, a short description and a link (WeCom requires the link).</summary>
public sealed record WeComTextCard(string Title, string Description, Uri Url, string? ButtonText = null);

/// <summary>WeCom's answer to a send: the message id, and for a button card the code that may update it once within 72 h.</summary>
public sealed record WeComSendResult(string? MsgId, string? ResponseCode, string? InvalidUser, string? CardTaskId);
