using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.WeCom;

/// <summary>
/// The crews' messenger over a WeCom self-built app. A chat is a member's WeCom userid. A message with buttons is a
/// button_interaction template card whose button keys are the buttons' data as given; one without is a text message.
/// <para>
/// WeCom updates a sent card only with a response code it gave, once, within 72 hours: at the send, and again with each
/// click. The latest unused code of each card is kept (<see cref="WeComSentCard"/>); an edit spends it. With no usable code
/// (already spent, too old, refused) the edit becomes a new message: a new card while the state still offers buttons,
/// otherwise a text stating the new state.
/// </para>
/// <para>
/// WeCom has no notice for the one who clicked, so a press is answered with a text message; the click's code is kept
/// for the card itself, which changes once Dispatch confirms the new state.
/// </para>
/// </summary>
public sealed class WeComMessenger(WeComClient client, CrewBotDbContext db, TimeProvider clock) : ICrewMessenger
{
    public const string Key = "wecom";

    /// <summary>WeCom's 72 hours, with an hour kept in hand for clocks and slow calls.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(71);

    /// <summary>What the grey button of a card without buttons says: WeCom's own wording for a handled card.</summary>
    const string Handled = "已处理";

    /// <summary>WeCom names no recipient it could reach: not found (60111), an invalid list (40031), none valid (81013).</summary>
    static readonly int[] InvalidUser = [60111, 40031, 81013];

    public string Name => Key;

    public async Task<string> SendAsync(string chatId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken)
    {
        if (buttons.Count == 0)
            return (await SendTextAsync(chatId, text, cancellationToken)).MsgId ?? "";
        var card = Card(text, buttons);
        var sent = await ToUserAsync(chatId, () => client.SendButtonCardAsync(chatId, card, cancellationToken));
        await KeepAsync(card.CardTaskId, card.CardTaskId, chatId, sent.ResponseCode, cancellationToken);
        return card.CardTaskId;
    }

    public Task AskAsync(string chatId, string text, CancellationToken cancellationToken) => SendTextAsync(chatId, text, cancellationToken);

    public async Task EditAsync(string chatId, string messageId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken)
    {
        if (await UpdateAsync(chatId, messageId, text, buttons, cancellationToken))
            return;
        if (buttons.Count == 0)
        {
            await SendTextAsync(chatId, text, cancellationToken);
            return;
        }
        var card = Card(text, buttons);
        var sent = await ToUserAsync(chatId, () => client.SendButtonCardAsync(chatId, card, cancellationToken));
        await KeepAsync(card.CardTaskId, messageId, chatId, sent.ResponseCode, cancellationToken);
    }

    /// <summary>A file reference is a MediaId from an image message; WeCom keeps it for three days.</summary>
    public Task<ChatFile> DownloadAsync(string fileRef, long maxBytes, CancellationToken cancellationToken) =>
        client.DownloadMediaAsync(fileRef, maxBytes, cancellationToken);

    /// <summary>The press id is the userid of the one who clicked.</summary>
    public Task AnswerPressAsync(string pressId, string text, CancellationToken cancellationToken) => SendTextAsync(pressId, text, cancellationToken);

    /// <summary>Keeps the code a click on a card gave, in place of the card's earlier one; a card not sent from here is ignored.</summary>
    public async Task ClickedAsync(string userId, string cardTaskId, string? responseCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(responseCode))
            return;
        var card = await db.WeComSentCards.FirstOrDefaultAsync(c => c.CardTaskId == cardTaskId && c.UserId == userId, cancellationToken);
        if (card is null)
            return;
        card.ResponseCode = responseCode;
        card.Issued = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Updates the newest card behind the message with its code; false when no code is usable.</summary>
    async Task<bool> UpdateAsync(string chatId, string messageId, string text, IReadOnlyList<ChatButton> buttons, CancellationToken cancellationToken)
    {
        var usableSince = clock.GetUtcNow() - CodeLifetime;
        var kept = await db.WeComSentCards
            .Where(c => c.UserId == chatId && c.MessageId == messageId && c.ResponseCode != null && c.Issued > usableSince)
            .OrderByDescending(c => c.Issued).FirstOrDefaultAsync(cancellationToken);
        if (kept is null)
            return false;
        var card = Card(text, buttons) with { CardTaskId = kept.CardTaskId, ReplaceText = buttons.Count == 0 ? Handled : null };
        var updated = true;
        try
        {
            await ToUserAsync(chatId, () => client.UpdateButtonCardAsync(chatId, kept.ResponseCode!, card, cancellationToken));
        }
        catch (WeComApiException e) when (e is not WeComRateLimitedException && e.ErrorCode > 0)
        {
            // The code was refused (used, expired, unknown): the new state goes out as a new message instead.
            updated = false;
        }
        // A code is good for one update at most. Kept only when the call did not get through (a limit, an outage),
        // which throws past this and is tried again.
        kept.ResponseCode = null;
        await db.SaveChangesAsync(cancellationToken);
        return updated;
    }

    async Task KeepAsync(string cardTaskId, string messageId, string userId, string? responseCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - CodeLifetime;
        await db.WeComSentCards.Where(c => c.Issued < expired).ExecuteDeleteAsync(cancellationToken);
        db.WeComSentCards.Add(new WeComSentCard
        {
            CardTaskId = cardTaskId, MessageId = messageId, UserId = userId, ResponseCode = responseCode, Issued = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    Task<WeComSendResult> SendTextAsync(string userId, string text, CancellationToken cancellationToken) =>
        ToUserAsync(userId, () => client.SendTextAsync(userId, text, cancellationToken));

    /// <summary>The first line is the card's title, the rest its text; the buttons keep their data as keys.</summary>
    static WeComButtonCard Card(string text, IReadOnlyList<ChatButton> buttons)
    {
        var lines = text.Split('\n', 2);
        return new WeComButtonCard(lines[0], lines.Length > 1 ? lines[1] : null, [.. buttons.Select(b => new WeComButton(b.Text, b.Data))]);
    }

    /// <summary>A user WeCom does not know or the app may not reach (left the company, outside the app's range) stays so on a retry; limits and outages may not.</summary>
    static async Task<WeComSendResult> ToUserAsync(string userId, Func<Task<WeComSendResult>> call)
    {
        WeComSendResult result;
        try
        {
            result = await call();
        }
        catch (WeComApiException e) when (InvalidUser.Contains(e.ErrorCode))
        {
            throw new ChatUnreachableException(userId, e.Message, e);
        }
        if (result.InvalidUser?.Split('|').Contains(userId) ?? false)
            throw new ChatUnreachableException(userId, "WeCom calls the user invalid",
                new WeComApiException("message/send", 0, "invaliduser " + result.InvalidUser));
        return result;
    }
}
