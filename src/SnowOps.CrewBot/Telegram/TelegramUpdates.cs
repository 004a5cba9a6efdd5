using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SnowOps.CrewBot.Telegram;

/// <summary>
/// Takes each Telegram update once, by its update_id, and hands its text, button press or photo to the crew chat and its
/// location to route progress. Each move of a live location is an edit of the same message with an update_id of its own,
/// so it is taken like any other update.
/// </summary>
public sealed class TelegramUpdates(
    CrewBotDbContext db, CrewChat chat, TelegramMessenger messenger, TimeProvider clock, LocationProgress locations, TransactionalOutbox outbox)
{
    public static readonly TimeSpan KeepUpdatesFor = TimeSpan.FromDays(7);

    /// <summary>What the bot asks Telegram for, polling or on a webhook: live locations come as edited messages.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    // Update ids count up one by one, so this prunes about every 500 updates.
    const long PruneEvery = 500;

    /// <summary>
    /// False when this update was taken before. The update is one unit of work: its claim, what it changes and what it
    /// reports commit together; an update that fails leaves nothing behind, so Telegram's next delivery of it is taken anew.
    /// </summary>
    public async Task<bool> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var taken = false;
        await outbox.RunAsync(db, async () =>
        {
            taken = await ClaimAsync(update.Id, cancellationToken);
            if (!taken)
                return;
            try
            {
                await DispatchAsync(update, cancellationToken);
            }
            catch (ChatUnreachableException)
            {
                // Taken all the same: the answer cannot reach the chat, however often the update comes.
            }
        }, cancellationToken);
        return taken;
    }

    async Task<bool> ClaimAsync(long updateId, CancellationToken cancellationToken)
    {
        if (await db.ProcessedUpdates.AnyAsync(u => u.Messenger == messenger.Name && u.UpdateId == updateId, cancellationToken))
            return false;
        var claim = new ProcessedUpdate { Messenger = messenger.Name, UpdateId = updateId, Received = clock.GetUtcNow() };
        db.ProcessedUpdates.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (updateId % PruneEvery == 0)
                await PruneAsync(claim.Received, cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same update, taken at the same moment by another request.
            db.Entry(claim).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Telegram keeps an update for redelivery at most 24 hours; a week of ids is more than enough to recognise one.</summary>
    Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - KeepUpdatesFor;
        return db.ProcessedUpdates.Where(u => u.Messenger == messenger.Name && u.Received < before).ExecuteDeleteAsync(cancellationToken);
    }

    Task DispatchAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { Text: { } text } message } =>
            chat.OnTextAsync(messenger, Id(message.Chat.Id), text, message.From?.LanguageCode, cancellationToken, Id(message.MessageId)),
        { CallbackQuery: { Data: { } data } press } =>
            chat.OnPressAsync(messenger, Id(press.Message?.Chat.Id ?? press.From.Id), press.Id, data, press.From.LanguageCode, cancellationToken),
        { Message: { Photo: { Length: > 0 } photo } message } =>
            chat.OnPhotoAsync(messenger, Id(message.Chat.Id), Sizes(photo), message.Caption, message.From?.LanguageCode, cancellationToken),
        { Message: { Location: { } location } message } =>
            locations.OnLocationAsync(messenger, Id(message.Chat.Id), Position(location, message.Date, false), message.From?.LanguageCode, cancellationToken),
        { EditedMessage: { Location: { } location } edited } =>
            locations.OnLocationAsync(messenger, Id(edited.Chat.Id), Position(location, edited.EditDate ?? edited.Date, true), edited.From?.LanguageCode,
                cancellationToken),
        // Other edits, contacts, stickers and the rest are not used.
        _ => Task.CompletedTask,
    };

    static IReadOnlyList<ChatImage> Sizes(PhotoSize[] photo) =>
        photo.Select(p => new ChatImage(p.FileId, p.FileUniqueId, p.FileSize, (long)p.Width * p.Height)).ToList();

    static SharedLocation Position(Location location, DateTime at, bool isMove) =>
        new(location.Latitude, location.Longitude, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), location.HorizontalAccuracy, isMove);

    static string Id(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);
}
