using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>
/// What a dispatcher does to a snow event. Each order is checked against the event's phase here (409 with the reason),
/// then carried out by the state machine, which ignores an order that no longer fits: two dispatchers acting at once
/// leave one outcome, never a mixed one.
/// </summary>
public static class SnowEventCommands
{
    public sealed record OpenBody(Hazard? Hazard, AlertLevel? Level, string? Title, string? Plan, DateTimeOffset? Onset, DateTimeOffset? Expires);

    public sealed record PhaseBody(SnowPhase? Phase);

    public sealed record SnowStoppedBody(DateTimeOffset? At);

    public sealed record StandDownBody(string? Reason);

    public static void Map(RouteGroupBuilder events)
    {
        events.MapPost("/", OpenAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Open a snow event by hand: { hazard, level, title, plan?, onset?, expires? }; it is proposed, then activated.");
        events.MapPost("/{id:guid}/activate", ActivateAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Activate a proposed snow event: its plan's work goes out to the crews.");
        events.MapPost("/{id:guid}/phase", PhaseAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Move an active event forward: { phase: Clear | Restore | Closed }.");
        events.MapPost("/{id:guid}/snow-stopped", SnowStoppedAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Mark when the snow stopped ({ at? }, default now): restore begins and the service-target clocks start.");
        events.MapPost("/{id:guid}/stand-down", StandDownAsync).InUnitOfWork<DispatchDbContext>().RequireAuthorization(Policies.Dispatch)
            .WithSummary("Stand the event down ({ reason }): open tasks are cancelled and the event closes.");
    }

    static async Task<IResult> OpenAsync(OpenBody body, ClaimsPrincipal user, PlanStore plans, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (body.Hazard is not { } hazard || hazard == Hazard.Other || !Enum.IsDefined(hazard))
            return Problems.BadRequest("hazard must be one of Snowstorm, Blizzard, WinterStorm, RoadIcing, ColdWave.");
        if (body.Level is not { } level || level == AlertLevel.Unknown || !Enum.IsDefined(level))
            return Problems.BadRequest("level must be Blue, Yellow, Orange or Red.");
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200)
            return Problems.BadRequest("title is required (at most 200 characters).");
        var now = clock.GetUtcNow();
        if (body.Expires is { } expires && expires <= (body.Onset ?? now))
            return Problems.Unprocessable("expires must come after onset (or after now).");
        PlanStore.Current? plan;
        if (body.Plan is { } name)
        {
            var latest = await plans.LatestAsync(cancellationToken);
            plan = latest.FirstOrDefault(p => p.Plan.Name == name);
            if (plan is null)
                return Problems.Unprocessable($"There is no plan '{name}'; the plans are: {string.Join(", ", latest.Select(p => p.Plan.Name))}.");
        }
        else
        {
            plan = await plans.ForAsync(hazard, level, cancellationToken);
            if (plan is null)
                return Problems.Unprocessable($"No plan answers {level} {hazard}; name one with \"plan\".");
        }
        var id = NewId.NextGuid();
        await publish.Publish(new ProposeSnowEvent(id, null, hazard, level, body.Title.Trim(), plan.Plan.Name, now, plan.Version, By(user),
            body.Onset, body.Expires), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = "proposed", plan = plan.Plan.Name, planVersion = plan.Version });
    }

    static async Task<IResult> ActivateAsync(Guid id, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } snowEvent)
            return Problems.NotFound($"No snow event {id}.");
        var phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState);
        if (phase != SnowPhase.Proposed)
            return Problems.Conflict($"Snow event {id} is {phase}, not proposed; it was activated by {snowEvent.ActivatedBy ?? "nobody"} at {snowEvent.Activated:u}.");
        var by = By(user);
        await publish.Publish(new ActivateSnowEvent(id, by, clock.GetUtcNow()), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = "activation requested", by });
    }

    static async Task<IResult> PhaseAsync(Guid id, PhaseBody body, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Phase is not { } wanted || wanted is not (SnowPhase.Clear or SnowPhase.Restore or SnowPhase.Closed))
            return Problems.BadRequest("phase must be Clear, Restore or Closed.");
        if (await FindAsync(db, id, cancellationToken) is not { } snowEvent)
            return Problems.NotFound($"No snow event {id}.");
        var phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState);
        var allowed = (phase, wanted) switch
        {
            (SnowPhase.Prepare, SnowPhase.Clear or SnowPhase.Restore) => true,
            (SnowPhase.Clear, SnowPhase.Restore) => true,
            (SnowPhase.Restore, SnowPhase.Closed) => true,
            _ => false,
        };
        if (!allowed)
        {
            var why = phase switch
            {
                SnowPhase.Proposed => "it is only proposed: activate it first",
                SnowPhase.Closed => "it is closed",
                _ when wanted == SnowPhase.Closed => "only an event in restore closes; stand it down to end it now",
                _ => "phases only move forward (prepare → clear → restore → closed)",
            };
            return Problems.Conflict($"Snow event {id} is {phase} and cannot move to {wanted}: {why}.");
        }
        var by = By(user);
        await publish.Publish(new AdvanceSnowEvent(id, wanted, by, clock.GetUtcNow()), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = $"{wanted} requested", by });
    }

    static async Task<IResult> SnowStoppedAsync(Guid id, SnowStoppedBody? body, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } snowEvent)
            return Problems.NotFound($"No snow event {id}.");
        var phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState);
        if (phase is SnowPhase.Proposed or SnowPhase.Closed)
            return Problems.Conflict($"Snow event {id} is {phase}: the snow can be marked stopped only while the event is active.");
        var now = clock.GetUtcNow();
        var at = body?.At ?? now;
        if (at > now.AddMinutes(5))
            return Problems.Unprocessable("at is in the future: mark the snow stopped when it has stopped.");
        if (at < snowEvent.Activated)
            return Problems.Unprocessable($"at is before the event was activated ({snowEvent.Activated:u}).");
        var by = By(user);
        await publish.Publish(new MarkSnowStopped(id, at, by, now), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = "snow stopped", at, by });
    }

    static async Task<IResult> StandDownAsync(Guid id, StandDownBody? body, ClaimsPrincipal user, DispatchDbContext db, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 300)
            return Problems.BadRequest("reason is required (at most 300 characters).");
        if (await FindAsync(db, id, cancellationToken) is not { } snowEvent)
            return Problems.NotFound($"No snow event {id}.");
        if (SnowEventStateMachine.PhaseOf(snowEvent.CurrentState) == SnowPhase.Closed)
            return Problems.Conflict($"Snow event {id} is already closed ({snowEvent.CloseReason ?? "closed"} by {snowEvent.ClosedBy} at {snowEvent.Closed:u}).");
        var by = By(user);
        await publish.Publish(new StandDownSnowEvent(id, body.Reason.Trim(), by, clock.GetUtcNow()), cancellationToken);
        return Results.Accepted($"/api/snow-events/{id}", new { id, status = "stand-down requested", by });
    }

    static Task<SnowEventState?> FindAsync(DispatchDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id, cancellationToken);

    static string By(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
