using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// What a dispatcher does to a task: cancel it, or give it to a crew. The change is saved with the task's version as a
/// concurrency token, so a crew's report or another dispatcher acting at the same moment makes this one answer 409
/// instead of being overwritten; the events go out once the change is saved.
/// </summary>
public static class TaskCommands
{
    /// <summary>Why the task is cancelled; and the version the dispatcher saw, if the task must not have changed since (409).</summary>
    public sealed record CancelBody(string? Reason, int? Version);

    /// <summary>The crew that gets the task; and the version the dispatcher saw, if the task must not have changed since (409).</summary>
    public sealed record ReassignBody(string? CrewId, int? Version);

    public static void Map(RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{id:guid}/cancel", CancelAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Cancel a task that is not finished: { reason, version? }; its crew is told.");
        tasks.MapPost("/{id:guid}/reassign", ReassignAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Give a task that is not finished to a crew on the roster that takes its kind: { crewId, version? }; the crew is sent it.");
    }

    static async Task<IResult> CancelAsync(Guid id, CancelBody? body, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 300)
            return Problems.BadRequest("reason is required (at most 300 characters).");
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (Refuses(task, id, body.Version, out var refusal))
            return refusal;
        var now = clock.GetUtcNow();
        TaskCancellation.Cancel(task, body.Reason.Trim(), now);
        if (await SaveAsync(db, id, cancellationToken) is { } conflict)
            return conflict;
        await publish.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Cancelled, task.CrewId, now, task.Reason, By(user)),
            cancellationToken);
        return Results.Ok(TaskView.Of(task));
    }

    static async Task<IResult> ReassignAsync(Guid id, ReassignBody? body, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.CrewId) || body.CrewId.Length > 64)
            return Problems.BadRequest("crewId is required (at most 64 characters).");
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (Refuses(task, id, body.Version, out var refusal))
            return refusal;
        var crewId = body.CrewId.Trim();
        var crew = await db.Crews.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crewId, cancellationToken);
        if (crew is null)
            return Problems.Unprocessable($"There is no crew '{crewId}' on the roster.");
        if (crew.Retired)
            return Problems.Unprocessable($"Crew '{crewId}' is retired and gets no new work.");
        if (!crew.Takes(task.Kind))
            return Problems.Unprocessable($"Crew '{crewId}' does not take {task.Kind} work; it takes {string.Join(", ", crew.Kinds)}.");
        if (task.CrewId == crewId && task.State is TaskState.Accepted or TaskState.Started)
            return Problems.Conflict($"Crew '{crewId}' already has task {id}: it is {task.State}.");
        var now = clock.GetUtcNow();
        TaskHandOver.GiveTo(task, crewId, now);
        if (await SaveAsync(db, id, cancellationToken) is { } conflict)
            return conflict;
        await publish.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Assigned, crewId, now, null, By(user)), cancellationToken);
        await publish.Publish(CrewTaskFactory.Announcement(task), cancellationToken);
        return Results.Ok(TaskView.Of(task));
    }

    /// <summary>Whether the task cannot be changed (unknown, finished, or changed since the dispatcher saw it), and the answer why.</summary>
    static bool Refuses([NotNullWhen(false)] CrewTask? task, Guid id, int? version, [NotNullWhen(true)] out IResult? refusal)
    {
        if (task is null)
        {
            refusal = Problems.NotFound($"No task {id}.");
            return true;
        }
        refusal = task.State == TaskState.Completed ? Problems.Conflict($"Task {id} is already completed (by {task.CrewId ?? "a crew"} at {task.Completed:u}).")
            : task.State == TaskState.Cancelled ? Problems.Conflict($"Task {id} is already cancelled ({task.Reason ?? "no reason given"}, at {task.Cancelled:u}).")
            : version is { } seen && seen != task.Version ? Changed(id)
            : null;
        return refusal is not null;
    }

    static async Task<IResult?> SaveAsync(DispatchDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }
    }

    static IResult Changed(Guid id) => Problems.Conflict($"Task {id} changed meanwhile; reload it and try again.");

    static string By(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
