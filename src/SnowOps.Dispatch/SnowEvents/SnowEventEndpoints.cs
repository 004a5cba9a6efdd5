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

/// <summary>Reading snow events: the list, one event, its tasks and its timeline.</summary>
public static class SnowEventEndpoints
{
    public static IEndpointRouteBuilder MapSnowEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/snow-events").WithTags("Snow events");
        events.MapGet("/", ListAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Snow events, newest first; filter by ?phase=Clear&hazard=Snowstorm&open=true.");
        events.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Watch).WithSummary("One snow event.");
        events.MapGet("/{id:guid}/tasks", TasksAsync).RequireAuthorization(Policies.Watch).WithSummary("The tasks of a snow event.");
        events.MapGet("/{id:guid}/timeline", TimelineAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The audit trail: every transition, escalation and target alert, with who and when.");
        SnowEventCommands.Map(events);
        return app;
    }

    static async Task<IResult> ListAsync(string? phase, string? hazard, bool? open, DispatchDbContext db, CancellationToken cancellationToken)
    {
        SnowPhase? wantedPhase = null;
        if (phase is not null)
        {
            wantedPhase = EnumNames.Parse<SnowPhase>(phase);
            if (wantedPhase is null)
                return Problems.BadRequest($"phase must be one of {string.Join(", ", Enum.GetNames<SnowPhase>())}.");
        }
        Hazard? wantedHazard = null;
        if (hazard is not null)
        {
            wantedHazard = EnumNames.Parse<Hazard>(hazard);
            if (wantedHazard is null)
                return Problems.BadRequest($"hazard must be one of {string.Join(", ", Enum.GetNames<Hazard>())}.");
        }
        var query = db.SnowEvents.AsNoTracking();
        if (wantedHazard is { } hz)
            query = query.Where(e => e.Hazard == hz);
        if (wantedPhase is { } ph)
        {
            var state = ph == SnowPhase.Proposed ? nameof(SnowPhase.Proposed) : ph.ToString();
            query = query.Where(e => e.CurrentState == state);
        }
        if (open == true)
            query = query.Where(e => e.CurrentState != nameof(SnowPhase.Closed));
        else if (open == false)
            query = query.Where(e => e.CurrentState == nameof(SnowPhase.Closed));
        var events = await query.OrderByDescending(e => e.Proposed).Take(500).ToListAsync(cancellationToken);
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
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.SnowEventId == id).OrderBy(t => t.Assigned).ThenBy(t => t.Title)
            .ToListAsync(cancellationToken);
        return Results.Ok(tasks.Select(TaskView.Of));
    }

    static async Task<IResult> TimelineAsync(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.SnowEvents.AnyAsync(e => e.CorrelationId == id, cancellationToken))
            return Problems.NotFound($"No snow event {id}.");
        var entries = await db.Timeline.AsNoTracking().Where(t => t.SnowEventId == id).ToListAsync(cancellationToken);
        return Results.Ok(TimelineEntry.InOrder(entries).Select(t => new { t.At, t.What, t.By, t.Detail }));
    }

    public static object View(SnowEventState e) => new
    {
        id = e.CorrelationId,
        e.Title,
        hazard = e.Hazard.ToString(),
        level = e.Level.ToString(),
        phase = SnowEventStateMachine.PhaseOf(e.CurrentState).ToString(),
        plan = e.PlanName,
        planVersion = e.PlanVersion,
        e.AlertId,
        e.ProposedBy,
        e.Proposed,
        e.ActivatedBy,
        e.Activated,
        e.Onset,
        e.Expires,
        e.ClearStarted,
        e.SnowfallEnded,
        e.SnowfallEndedBy,
        e.Closed,
        e.ClosedBy,
        e.CloseReason,
        e.Version,
    };
}
