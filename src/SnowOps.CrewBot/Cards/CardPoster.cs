using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// Records what each chat of a card's crew should show, as its row in the outbound queue (sent_cards), and wakes the
/// card sender, which puts it out through the rate gate. Nothing here calls a messenger, so a consumer never waits
/// on Telegram's limits.
/// </summary>
public sealed class CardPoster(CrewBotDbContext db, IEnumerable<ICrewMessenger> messengers, CardQueue queue, TimeProvider clock)
{
    /// <summary>
    /// Queues the card for the crew's chats that have not had (nor are due) this sending of it: the same
    /// <paramref name="sent"/> again queues nothing, a higher one (nobody answered) queues the card anew.
    /// </summary>
    public async Task PostAsync(TaskCard card, int sent, CancellationToken cancellationToken)
    {
        // No title yet: a state change came before the assignment, which will post the card when it arrives.
        if (card.CrewId is null || card.Title.Length == 0 || CardText.IsFinished(card.State))
            return;
        var queued = false;
        foreach (var messenger in messengers)
        {
            var chats = await db.Members.AsNoTracking()
                .Where(m => m.CrewId == card.CrewId && m.Messenger == messenger.Name && m.ChatId != null)
                .Select(m => m.ChatId!).ToListAsync(cancellationToken);
            foreach (var chatId in chats)
                queued |= await QueueAsync(new QueuedCard(messenger.Name, chatId, card.TaskId), card.CrewId, sent, cancellationToken);
        }
        if (queued)
            queue.Wake();
    }

    /// <summary>Queues an edit of every copy of the card whose chat shows an older state or crew (or whose message is on its way).</summary>
    public async Task RefreshAsync(TaskCard card, CancellationToken cancellationToken)
    {
        var names = messengers.Select(m => m.Name).ToList();
        var now = clock.GetUtcNow();
        var queued = await db.SentCards
            .Where(s => s.TaskId == card.TaskId && names.Contains(s.Messenger)
                && (s.ShownState != card.State || s.ShownCrewId != card.CrewId || s.Claimed != null))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Queued, s => s.Queued ?? now)
                .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
        if (queued > 0)
            queue.Wake();
    }

    async Task<bool> QueueAsync(QueuedCard key, string crewId, int sent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            // One statement, checked and changed at once, so it cannot slip between the sender's claim and its send: a
            // sending already due, or already sent to this crew's chat, is not asked for again.
            var changed = await Row(key)
                .Where(s => (s.Anew && s.Wanted < sent) || (!s.Anew && (s.Sent < sent || s.ShownCrewId != crewId)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Anew, true)
                    .SetProperty(s => s.Wanted, s => s.Wanted > sent ? s.Wanted : sent)
                    .SetProperty(s => s.Queued, s => s.Queued ?? now)
                    .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
            if (changed > 0)
                return true;
            if (await Row(key).AnyAsync(cancellationToken))
                return false;
            var row = new SentCard { Messenger = key.Messenger, ChatId = key.ChatId, TaskId = key.TaskId, Anew = true, Wanted = sent, Queued = now, Version = 1 };
            db.SentCards.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another delivery of the card made the row a moment ago: ask again, through the update.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    IQueryable<SentCard> Row(QueuedCard key) =>
        db.SentCards.Where(s => s.Messenger == key.Messenger && s.ChatId == key.ChatId && s.TaskId == key.TaskId);
}
