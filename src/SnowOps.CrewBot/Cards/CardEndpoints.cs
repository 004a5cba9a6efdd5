using System.Security.Claims;
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
        crew.MapPost("/{taskId:guid}/accept", (Guid taskId, ClaimsPrincipal user, CardAnswers answers, CancellationToken ct) =>
            answers.AnswerAsync(taskId, user, TaskState.Accepted, null, ct)).WithSummary("Accept a task.");
        crew.MapPost("/{taskId:guid}/start", (Guid taskId, ClaimsPrincipal user, CardAnswers answers, CancellationToken ct) =>
            answers.AnswerAsync(taskId, user, TaskState.Started, null, ct)).WithSummary("Start a task.");
        crew.MapPost("/{taskId:guid}/complete", (Guid taskId, Answer? answer, ClaimsPrincipal user, CardAnswers answers, CancellationToken ct) =>
            answers.AnswerAsync(taskId, user, TaskState.Completed, answer?.Note, ct)).WithSummary("Report a task done.");
        crew.MapPost("/{taskId:guid}/decline", (Guid taskId, Answer? answer, ClaimsPrincipal user, CardAnswers answers, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(answer?.Note)
                ? Task.FromResult(Problems.BadRequest("Say why the task is declined (note)."))
                : answers.AnswerAsync(taskId, user, TaskState.Declined, answer.Note, ct)).WithSummary("Decline a task, with the reason.");
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
}
