using System.Globalization;
using SnowOps.CrewBot.Chats;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace SnowOps.CrewBot.Telegram;

/// <summary>The crews' messenger over the Telegram Bot API.</summary>
public sealed class TelegramMessenger(ITelegramBotClient bot) : ICrewMessenger
{
    public const string Key = "telegram";

    public string Name => Key;

    public async Task<string> SendAsync(string chatId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken)
    {
        var message = await bot.SendMessage(Chat(chatId), text, replyMarkup: Keyboard(buttons), cancellationToken: cancellationToken);
        return message.MessageId.ToString(CultureInfo.InvariantCulture);
    }

    public Task AskAsync(string chatId, string text, CancellationToken cancellationToken) =>
        bot.SendMessage(Chat(chatId), text, replyMarkup: new ForceReplyMarkup(), cancellationToken: cancellationToken);

    public Task EditAsync(string chatId, string messageId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken) =>
        bot.EditMessageText(Chat(chatId), int.Parse(messageId, CultureInfo.InvariantCulture), text,
            replyMarkup: Keyboard(buttons), cancellationToken: cancellationToken);

    public Task AnswerPressAsync(string pressId, string text, CancellationToken cancellationToken) =>
        bot.AnswerCallbackQuery(pressId, text, cancellationToken: cancellationToken);

    static long Chat(string chatId) => long.Parse(chatId, CultureInfo.InvariantCulture);

    /// <summary>Two buttons a row; none at all drops the keyboard (an edit without one removes it).</summary>
    static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ChatButton> buttons) => buttons.Count == 0
        ? null
        : new InlineKeyboardMarkup(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)).Chunk(2));
}
