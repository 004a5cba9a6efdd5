using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.Cards;

/// <summary>
/// The crew's side over HTTP: the same buttons the messenger card offers. The crew is the token's name,
/// so a crew can only answer its own tasks.
/// </summary>
public static class CardEndpoints
{
    public sealed record Answer(string? Note);

    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder app)
    {
        var crew = app.MapGroup("/api/crew/tasks").WithTags("Crew").RequireAuthorization(Policies.Crew);
        crew.MapGet("/", MineAsync).WithSummary("My open tasks.");
        crew.MapPost("/{taskId:guid}/accept", (Guid taskId, ClaimsPrincipal user, CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync(taskId, user, db, ct, TaskState.Accepted, (crewId, now) => publish.Publish(new TaskAccepted(taskId, crewId, now), ct), clock))
            .WithSummary("Accept a task.");
        crew.MapPost("/{taskId:guid}/start", (Guid taskId, ClaimsPrincipal user, CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync(taskId, user, db, ct, TaskState.Started, (crewId, now) => publish.Publish(new TaskStarted(taskId, crewId, now), ct), clock))
            .WithSummary("Start a task.");
        crew.MapPost("/{taskId:guid}/complete", (Guid taskId, Answer? answer, ClaimsPrincipal user, CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, CancellationToken ct) =>
            AnswerAsync(taskId, user, db, ct, TaskState.Completed, (crewId, now) => publish.Publish(new TaskCompleted(taskId, crewId, now, answer?.Note), ct), clock))
            .WithSummary("Report a task done.");
        crew.MapPost("/{taskId:guid}/decline", (Guid taskId, Answer? answer, ClaimsPrincipal user, CrewBotDbContext db, IPublishEndpoint publish, TimeProvider clock, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(answer?.Note)
                ? Task.FromResult(Problems.BadRequest("Say why the task is declined (note)."))
                : AnswerAsync(taskId, user, db, ct, TaskState.Declined, (crewId, now) => publish.Publish(new TaskDeclined(taskId, crewId, answer.Note, now), ct), clock))
            .WithSummary("Decline a task, with the reason.");
        return app;
    }

    static async Task<IResult> MineAsync(ClaimsPrincipal user, CrewBotDbContext db, CancellationToken cancellationToken)
    {
        var crewId = user.Identity?.Name;
        var cards = await db.Cards.AsNoTracking()
            .Where(c => c.CrewId == crewId && c.State != TaskState.Completed && c.State != TaskState.Cancelled && c.State != TaskState.Declined)
            .OrderBy(c => c.Due).ToListAsync(cancellationToken);
        return Results.Ok(cards.Select(c => new
        {
            taskId = c.TaskId, c.SnowEventId, kind = c.Kind.ToString(), c.Title, c.LengthMeters, c.Due, state = c.State.ToString(),
        }));
    }

    static async Task<IResult> AnswerAsync(Guid taskId, ClaimsPrincipal user, CrewBotDbContext db, CancellationToken cancellationToken,
        TaskState wanted, Func<string, DateTimeOffset, Task> send, TimeProvider clock)
    {
        var crewId = user.Identity?.Name ?? "";
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.TaskId == taskId, cancellationToken);
        if (card is null)
            return Problems.NotFound($"No task {taskId} has reached the crews.");
        if (card.CrewId is not null && card.CrewId != crewId && !user.IsInRole(Roles.Admin))
            return Problems.Forbidden($"Task {taskId} is assigned to another crew.");
        if (card.State is TaskState.Completed or TaskState.Cancelled or TaskState.Declined && card.State != wanted)
            return Problems.Conflict($"Task {taskId} is already {card.State}.");
        await send(card.CrewId ?? crewId, clock.GetUtcNow());
        return Results.Accepted($"/api/crew/tasks", new { taskId, reported = wanted.ToString() });
    }
}
