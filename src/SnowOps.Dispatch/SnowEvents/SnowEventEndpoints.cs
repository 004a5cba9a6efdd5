using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.SnowEvents;

public static class SnowEventEndpoints
{
    public static IEndpointRouteBuilder MapSnowEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/snow-events").WithTags("Snow events");
        events.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch).WithSummary("Snow events, newest first.");
        events.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One snow event.");
        events.MapGet("/{id:guid}/tasks", TasksAsync).RequireAuthorization(Policies.Watch).WithSummary("The tasks of a snow event.");
        events.MapPost("/{id:guid}/activate", ActivateAsync).RequireAuthorization(Policies.Dispatch)
            .WithSummary("Activate a proposed snow event: its plan's tasks go out to the crews.");
        return app;
    }

    static async Task<IResult> ListAsync(DispatchDbContext db, CancellationToken cancellationToken)
    {
        var events = await db.SnowEvents.AsNoTracking().OrderByDescending(e => e.Proposed).Take(200).ToListAsync(cancellationToken);
        return Results.Ok(events.Select(View));
    }

    static async Task<IResult> GetAsync(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id, cancellationToken);
        return snowEvent is null ? Problems.NotFound($"No snow event {id}.") : Results.Ok(View(snowEvent));
    }

    static async Task<IResult> TasksAsync(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.SnowEvents.AnyAsync(e => e.CorrelationId == id, cancellationToken))
            return Problems.NotFound($"No snow event {id}.");
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.SnowEventId == id).OrderBy(t => t.Assigned).ToListAsync(cancellationToken);
        return Results.Ok(tasks.Select(TaskView.Of));
    }

    static async Task<IResult> ActivateAsync(Guid id, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id, cancellationToken);
        if (snowEvent is null)
            return Problems.NotFound($"No snow event {id}.");
        var phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState);
        if (phase != SnowPhase.Proposed)
            return Problems.Conflict($"Snow event {id} is {phase}, not proposed; it was activated by {snowEvent.ActivatedBy ?? "nobody"} at {snowEvent.Activated:u}.");

        // The state machine decides; two activations racing here still make one set of tasks.
        var by = user.Identity?.Name ?? "unknown";
        await publish.Publish(new ActivateSnowEvent(id, by, clock.GetUtcNow()), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = "activation requested", by });
    }

    static object View(SnowEventState e) => new
    {
        id = e.CorrelationId,
        e.Title,
        hazard = e.Hazard.ToString(),
        level = e.Level.ToString(),
        phase = SnowEventStateMachine.PhaseOf(e.CurrentState).ToString(),
        plan = e.PlanName,
        e.AlertId,
        e.Proposed,
        e.ActivatedBy,
        e.Activated,
        e.Closed,
    };
}
