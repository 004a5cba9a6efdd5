using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Data;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// Keeps each crew's cards in step with Dispatch: a new task makes a card and sends it to the crew's chats, a state
/// change updates it and the chats' copies.
/// </summary>
public sealed class CardWriter(CrewBotDbContext db, TimeProvider clock, CardPoster poster) :
    IConsumer<TaskAssigned>,
    IConsumer<TaskStateChanged>,
    IConsumer<TaskStateChanges>
{
    public async Task Consume(ConsumeContext<TaskAssigned> context)
    {
        var m = context.Message;
        var card = await db.Cards.FirstOrDefaultAsync(c => c.TaskId == m.TaskId, context.CancellationToken);
        if (card is null)
        {
            card = new TaskCard { TaskId = m.TaskId, State = TaskState.Assigned, Received = clock.GetUtcNow(), Changed = m.Assigned };
            db.Cards.Add(card);
        }
        // A state change may have overtaken the assignment on the way here; keep its state.
        card.SnowEventId = m.SnowEventId;
        card.CrewId = m.CrewId;
        card.Kind = m.Kind;
        card.Title = m.Title;
        card.SubjectId = m.SubjectId;
        card.LengthMeters = m.LengthMeters;
        card.GeometryWkt = m.GeometryWkt;
        card.Due = m.Due;
        await db.SaveChangesAsync(context.CancellationToken);
        await poster.PostAsync(card, m.Sent, context.CancellationToken);
        await poster.RefreshAsync(card, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TaskStateChanged> context)
    {
        var m = context.Message;
        await ApplyAsync(await db.Cards.FirstOrDefaultAsync(c => c.TaskId == m.TaskId, context.CancellationToken), m, context.CancellationToken);
    }

    /// <summary>
    /// Changes Dispatch made together (a batch of crews' reports): the batch's cards read in one query, each change applied
    /// as if it came alone, in order.
    /// </summary>
    public async Task Consume(ConsumeContext<TaskStateChanges> context)
    {
        var ids = context.Message.Changes.Select(c => c.TaskId).Distinct().ToList();
        var cards = await db.Cards.Where(c => ids.Contains(c.TaskId)).ToDictionaryAsync(c => c.TaskId, context.CancellationToken);
        foreach (var change in context.Message.Changes)
            cards[change.TaskId] = await ApplyAsync(cards.GetValueOrDefault(change.TaskId), change, context.CancellationToken);
    }

    /// <returns>The task's card: <paramref name="card"/>, or the one made for a task not heard of before.</returns>
    async Task<TaskCard> ApplyAsync(TaskCard? card, TaskStateChanged m, CancellationToken cancellationToken)
    {
        if (card is null)
        {
            card = new TaskCard { TaskId = m.TaskId, SnowEventId = m.SnowEventId, Received = clock.GetUtcNow() };
            db.Cards.Add(card);
        }
        else if (card.Changed > m.Changed)
        {
            return card;
        }
        card.State = m.State;
        card.CrewId = m.CrewId ?? card.CrewId;
        card.Changed = m.Changed;
        await db.SaveChangesAsync(cancellationToken);
        // Given to a crew again (after a decline, an escalation, a reassignment): its chats need the card even when
        // the new assignment came first and found the card still declined.
        if (m.State == TaskState.Assigned)
            await poster.PostAsync(card, 1, cancellationToken);
        await poster.RefreshAsync(card, cancellationToken);
        return card;
    }
}
