using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.CrewBot.Cards;

/// <summary>A crew's answer to a card: checked against the card, then sent to Dispatch as the crew's report.</summary>
public sealed class CardAnswers(CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, TransactionalOutbox outbox)
{
    public async Task<IResult> AnswerAsync(Guid taskId, ClaimsPrincipal user, TaskState answer, string? note, CancellationToken cancellationToken)
    {
        var crewId = user.Identity?.Name ?? "";
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.TaskId == taskId, cancellationToken);
        if (card is null)
            return Problems.NotFound($"No task {taskId} has reached the crews.");
        if (card.CrewId is not null && card.CrewId != crewId && !user.IsInRole(Roles.Admin))
            return Problems.Forbidden($"Task {taskId} is assigned to another crew.");
        if (card.State is TaskState.Completed or TaskState.Cancelled or TaskState.Declined && card.State != answer)
            return Problems.Conflict($"Task {taskId} is already {card.State}.");

        var by = card.CrewId ?? crewId;
        var now = clock.GetUtcNow();
        object report = answer switch
        {
            TaskState.Accepted => new TaskAccepted(taskId, by, now),
            TaskState.Started => new TaskStarted(taskId, by, now),
            TaskState.Completed => new TaskCompleted(taskId, by, now, note),
            TaskState.Declined => new TaskDeclined(taskId, by, note ?? "", now),
            _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "A crew answers accept, start, complete or decline."),
        };
        // Through the outbox: accepted here is sent, even when the broker is away for a while.
        await outbox.RunAsync(db, () => publish.Publish(report, cancellationToken), cancellationToken);
        return Results.Accepted("/api/crew/tasks", new { taskId, reported = answer.ToString() });
    }
}
