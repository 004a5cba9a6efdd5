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

    public Task Consume(ConsumeContext<TaskStateChanged> context) => ApplyAsync(context.Message, context.CancellationToken);

    /// <summary>Changes Dispatch made together (a batch of crews' reports): each applied as if it came alone, in order.</summary>
    public async Task Consume(ConsumeContext<TaskStateChanges> context)
    {
        foreach (var change in context.Message.Changes)
            await ApplyAsync(change, context.CancellationToken);
    }

    async Task ApplyAsync(TaskStateChanged m, CancellationToken cancellationToken)
    {
        var card = await db.Cards.FirstOrDefaultAsync(c => c.TaskId == m.TaskId, cancellationToken);
        if (card is null)
        {
            card = new TaskCard { TaskId = m.TaskId, SnowEventId = m.SnowEventId, Received = clock.GetUtcNow() };
            db.Cards.Add(card);
        }
        else if (card.Changed > m.Changed)
        {
            return;
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
    }
}
