using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.Cards;

/// <summary>Puts a card into every bound chat of its crew, and keeps what the chats show in step with the card.</summary>
public sealed partial class CardPoster(CrewBotDbContext db, IEnumerable<ICrewMessenger> messengers, ILogger<CardPoster> log)
{
    /// <summary>
    /// Sends the card to the crew's chats that have not had this sending of it: the same <paramref name="sent"/> again
    /// sends nothing, a higher one (nobody answered) sends the card anew.
    /// </summary>
    public async Task PostAsync(TaskCard card, int sent, CancellationToken cancellationToken)
    {
        // No title yet: a state change came before the assignment, which will post the card when it arrives.
        if (card.CrewId is null || card.Title.Length == 0 || CardText.IsFinished(card.State))
            return;
        foreach (var messenger in messengers)
        {
            var chats = await db.Members.AsNoTracking()
                .Where(m => m.CrewId == card.CrewId && m.Messenger == messenger.Name && m.ChatId != null)
                .Select(m => new { ChatId = m.ChatId!, m.Language }).ToListAsync(cancellationToken);
            foreach (var chat in chats)
            {
                var shown = await db.SentCards.FirstOrDefaultAsync(
                    s => s.Messenger == messenger.Name && s.ChatId == chat.ChatId && s.TaskId == card.TaskId, cancellationToken);
                if (shown is not null && shown.Sent >= sent && shown.ShownCrewId == card.CrewId)
                    continue;
                string messageId;
                try
                {
                    messageId = await messenger.SendAsync(chat.ChatId, CardText.Render(card, chat.Language, true),
                        CardText.Buttons(card, chat.Language, true), cancellationToken);
                }
                catch (ChatUnreachableException e)
                {
                    // One chat that blocked the bot must not keep the card from the rest of the crew.
                    LogUnreachable(log, messenger.Name, chat.ChatId, card.TaskId, e);
                    continue;
                }
                if (shown is null)
                {
                    shown = new SentCard { Messenger = messenger.Name, ChatId = chat.ChatId, TaskId = card.TaskId };
                    db.SentCards.Add(shown);
                }
                shown.MessageId = messageId;
                shown.Sent = sent;
                shown.ShownState = card.State;
                shown.ShownCrewId = card.CrewId;
                // Saved chat by chat: a failure further on must not send this chat its card again.
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>Edits every sent copy of the card whose chat shows an older state or crew; finished cards lose their buttons.</summary>
    public async Task RefreshAsync(TaskCard card, CancellationToken cancellationToken)
    {
        foreach (var messenger in messengers)
        {
            var stale = await db.SentCards
                .Where(s => s.Messenger == messenger.Name && s.TaskId == card.TaskId && (s.ShownState != card.State || s.ShownCrewId != card.CrewId))
                .ToListAsync(cancellationToken);
            foreach (var shown in stale)
            {
                var member = await db.Members.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.Messenger == messenger.Name && m.ChatId == shown.ChatId, cancellationToken);
                var language = member?.Language ?? Texts.English;
                var held = member is not null && member.CrewId == card.CrewId;
                try
                {
                    await messenger.EditAsync(shown.ChatId, shown.MessageId, CardText.Render(card, language, held),
                        CardText.Buttons(card, language, held), cancellationToken);
                }
                catch (ChatUnreachableException e)
                {
                    // Counted as shown: the copy cannot be edited again, and trying would fail the same way.
                    LogUnreachable(log, messenger.Name, shown.ChatId, card.TaskId, e);
                }
                shown.ShownState = card.State;
                shown.ShownCrewId = card.CrewId;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Messenger} chat {ChatId} cannot be reached for task {TaskId}")]
    static partial void LogUnreachable(ILogger logger, string messenger, string chatId, Guid taskId, Exception exception);
}
