namespace SnowOps.CrewBot.Chats;

/// <summary>A button on a message: what it says, and what comes back when it is pressed.</summary>
public sealed record ChatButton(string Text, string Data);

/// <summary>
/// A messenger the crews use (Telegram, WeCom). Chats and messages are named by the messenger's own ids,
/// kept as text so every messenger fits.
/// </summary>
public interface ICrewMessenger
{
    /// <summary>Stored with each bound chat, e.g. "telegram".</summary>
    string Name { get; }

    /// <summary>Sends a message with buttons (none for plain text) and answers the message's id.</summary>
    Task<string> SendAsync(string chatId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken);

    /// <summary>Asks for an answer: the messenger opens a reply to this message.</summary>
    Task AskAsync(string chatId, string text, CancellationToken cancellationToken);

    /// <summary>Replaces a message's text and buttons (no buttons: they are removed).</summary>
    Task EditAsync(string chatId, string messageId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken);

    /// <summary>Answers a button press, with a short notice for the one who pressed.</summary>
    Task AnswerPressAsync(string pressId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches a file a chat sent (a photo), named by the messenger's own reference to it (Telegram's file_id, WeCom's
    /// media_id); throws <see cref="ChatFileTooLargeException"/> rather than fetch more than <paramref name="maxBytes"/>.
    /// </summary>
    Task<ChatFile> DownloadAsync(string fileRef, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>
/// The messenger refused a message for good (the chat blocked the bot, was deleted, the message is gone): trying
/// again will not help, unlike a rate limit or an outage, which surface as other exceptions and are retried.
/// </summary>
public sealed class ChatUnreachableException(string chatId, string reason, Exception inner)
    : Exception($"Chat {chatId} cannot be reached: {reason}", inner)
{
    public string ChatId { get; } = chatId;
}
