using System.Globalization;
using SnowOps.CrewBot.Chats;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace SnowOps.CrewBot.Telegram;

/// <summary>
/// The crews' messenger over the Telegram Bot API. Whatever sends or edits a message goes through the rate gate; the
/// token only cancels the wait there, not a call once made (see <see cref="TelegramRateGate.RunAsync"/>).
/// </summary>
public sealed class TelegramMessenger(ITelegramBotClient bot, TelegramRateGate gate) : ICrewMessenger
{
    public const string Key = "telegram";

    public string Name => Key;

    public async Task<string> SendAsync(string chatId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken)
    {
        var message = await ToChatAsync(chatId, () =>
            bot.SendMessage(Chat(chatId), text, replyMarkup: Keyboard(buttons), cancellationToken: CancellationToken.None), cancellationToken);
        return message.MessageId.ToString(CultureInfo.InvariantCulture);
    }

    public Task AskAsync(string chatId, string text, CancellationToken cancellationToken) => ToChatAsync(chatId, () =>
        bot.SendMessage(Chat(chatId), text, replyMarkup: new ForceReplyMarkup(), cancellationToken: CancellationToken.None), cancellationToken);

    public Task EditAsync(string chatId, string messageId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken) =>
        ToChatAsync(chatId, () => bot.EditMessageText(Chat(chatId), int.Parse(messageId, CultureInfo.InvariantCulture), text,
            replyMarkup: Keyboard(buttons), cancellationToken: CancellationToken.None), cancellationToken);

    public Task AnswerPressAsync(string pressId, string text, CancellationToken cancellationToken) =>
        bot.AnswerCallbackQuery(pressId, text, cancellationToken: cancellationToken);

    /// <summary>getFile, then the file itself from <c>/file/bot&lt;token&gt;/&lt;file_path&gt;</c>, never reading more than allowed.</summary>
    public async Task<ChatFile> DownloadAsync(string fileRef, long maxBytes, CancellationToken cancellationToken)
    {
        var file = await bot.GetFile(fileRef, cancellationToken);
        if (file.FileSize > maxBytes)
            throw new ChatFileTooLargeException(maxBytes);
        using var bytes = new BoundedBuffer(maxBytes);
        try
        {
            await bot.DownloadFile(file.FilePath ?? throw new InvalidOperationException($"Telegram gave no file_path for {fileRef}."), bytes, cancellationToken);
        }
        catch (RequestException e) when (e.InnerException is ChatFileTooLargeException tooLarge)
        {
            // The client wraps what the stream throws; the size was announced wrong or not at all.
            throw tooLarge;
        }
        return new ChatFile(bytes.ToArray(), ContentTypeOf(file.FilePath));
    }

    /// <summary>Telegram does not say; photos come as .jpg.</summary>
    static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".heic" => "image/heic",
        _ => "image/jpeg",
    };

    /// <summary>400 (chat or message not found) and 403 (blocked, deactivated) will not change on a retry; 429 and 5xx may.</summary>
    async Task<T> ToChatAsync<T>(string chatId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await gate.RunAsync(chatId, call, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            throw new ChatUnreachableException(chatId, e.Message, e);
        }
    }

    static long Chat(string chatId) => long.Parse(chatId, CultureInfo.InvariantCulture);

    /// <summary>Two buttons a row; none at all drops the keyboard (an edit without one removes it).</summary>
    static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ChatButton> buttons) => buttons.Count == 0
        ? null
        : new InlineKeyboardMarkup(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)).Chunk(2));
}
