using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using Telegram.Bot.Exceptions;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// Puts out what one chat's row of the outbound queue asks for: the card as a new message, an edit of the copy the
/// chat has, or nothing (the chat is up to date, or the card went to another crew before it could be sent). The text is
/// made now, from the card as it is now, so several changes while the row waited go out as one message.
/// </summary>
/// <remarks>
/// The row is claimed before the messenger is called, in one statement that also records the sending and what the chat
/// will show; only a claim on the row as it was read succeeds, so two senders (or a change queued meanwhile) can never
/// both send it. A crash after the claim and before the outcome is saved leaves the row claimed with the sending
/// recorded: the next start releases the claim and does not send again, since the message may well have gone out. If
/// it had not, the crew lacks this copy until Dispatch sends the card again (it does when nobody answers). The same
/// holds when saving the outcome fails: the row stays claimed until the next start.
/// </remarks>
public sealed partial class CardDelivery(
    CrewBotDbContext db, IEnumerable<ICrewMessenger> messengers, TelegramOptions options, TimeProvider clock, ILogger<CardDelivery> log)
{
    enum Step
    {
        Nothing,
        Send,
        Edit,
    }

    public async Task DeliverAsync(QueuedCard key, CancellationToken cancellationToken)
    {
        var row = await Row(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var messenger = messengers.FirstOrDefault(m => m.Name == key.Messenger);
        if (row is not { Queued: not null, Claimed: null } || messenger is null)
            return;
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.TaskId == key.TaskId, cancellationToken);
        var member = await db.Members.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Messenger == key.Messenger && m.ChatId == key.ChatId, cancellationToken);
        var held = card is not null && member is not null && member.CrewId == card.CrewId;
        var step = StepFor(row, card, held);
        var (state, crewId) = card is null ? (row.ShownState, row.ShownCrewId) : (card.State, card.CrewId);
        var sent = step == Step.Send ? Math.Max(row.Sent, row.Wanted) : row.Sent;
        var now = clock.GetUtcNow();

        if (step == Step.Nothing)
        {
            await Claimable(key, row).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Anew, false)
                .SetProperty(s => s.ShownState, state)
                .SetProperty(s => s.ShownCrewId, crewId)
                .SetProperty(s => s.Queued, (DateTimeOffset?)null)
                .SetProperty(s => s.Version, row.Version + 1), cancellationToken);
            return;
        }
        var claimed = await Claimable(key, row).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Claimed, now)
            .SetProperty(s => s.Anew, false)
            .SetProperty(s => s.Sent, sent)
            .SetProperty(s => s.ShownState, state)
            .SetProperty(s => s.ShownCrewId, crewId)
            .SetProperty(s => s.Version, row.Version + 1), cancellationToken);
        if (claimed == 0)
            return;

        var messageId = row.MessageId;
        var sending = step == Step.Send;
        try
        {
            var language = member?.Language ?? Texts.English;
            var (text, buttons) = (CardText.Render(card!, language, held), CardText.Buttons(card!, language, held));
            if (sending)
                messageId = await messenger.SendAsync(key.ChatId, text, buttons, cancellationToken);
            else
                await messenger.EditAsync(key.ChatId, row.MessageId, text, buttons, cancellationToken);
        }
        catch (ChatUnreachableException e)
        {
            // Done with all the same: trying again would fail the same way, and the other chats go on regardless.
            LogUnreachable(log, key.Messenger, key.ChatId, key.TaskId, e);
        }
        catch (Exception e)
        {
            // Not sent (a 429 after every attempt, an outage, or stopping while the gate made it wait): back in the
            // queue as it was, to be tried again later.
            var later = clock.GetUtcNow() + (e is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: > 0 and var seconds }
                ? TimeSpan.FromSeconds(seconds) : options.RetryDelay);
            if (e is not OperationCanceledException)
                LogFailed(log, key.Messenger, key.ChatId, key.TaskId, later, e);
            await Row(key).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Claimed, (DateTimeOffset?)null)
                .SetProperty(s => s.Anew, s => s.Anew || sending)
                .SetProperty(s => s.Sent, row.Sent)
                .SetProperty(s => s.ShownState, row.ShownState)
                .SetProperty(s => s.ShownCrewId, row.ShownCrewId)
                .SetProperty(s => s.Queued, cancellationToken.IsCancellationRequested ? now : later)
                .SetProperty(s => s.Version, s => s.Version + 1), CancellationToken.None);
            return;
        }
        // Still queued when the row was changed while its message was on the way: the sender comes back to it.
        var version = row.Version + 1;
        await Row(key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.MessageId, messageId)
            .SetProperty(s => s.Claimed, (DateTimeOffset?)null)
            .SetProperty(s => s.Queued, s => s.Version == version ? null : s.Queued)
            .SetProperty(s => s.Version, s => s.Version + 1), CancellationToken.None);
    }

    /// <summary>A new message when one is due and the chat still belongs to the card's crew; else an edit when its copy is behind.</summary>
    static Step StepFor(SentCard row, TaskCard? card, bool held)
    {
        if (card is null)
            return Step.Nothing;
        if (row.Anew && held && card.Title.Length > 0 && !CardText.IsFinished(card.State))
            return Step.Send;
        if (row.MessageId.Length > 0 && (row.ShownState != card.State || row.ShownCrewId != card.CrewId))
            return Step.Edit;
        return Step.Nothing;
    }

    IQueryable<SentCard> Row(QueuedCard key) =>
        db.SentCards.Where(s => s.Messenger == key.Messenger && s.ChatId == key.ChatId && s.TaskId == key.TaskId);

    IQueryable<SentCard> Claimable(QueuedCard key, SentCard row) => Row(key).Where(s => s.Version == row.Version && s.Claimed == null);

    [LoggerMessage(LogLevel.Warning, "{Messenger} chat {ChatId} cannot be reached for task {TaskId}")]
    static partial void LogUnreachable(ILogger logger, string messenger, string chatId, Guid taskId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "{Messenger} chat {ChatId} was not sent task {TaskId}; queued again for {Later}")]
    static partial void LogFailed(ILogger logger, string messenger, string chatId, Guid taskId, DateTimeOffset later, Exception exception);
}
