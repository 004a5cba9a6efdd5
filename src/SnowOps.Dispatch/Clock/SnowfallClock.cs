using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Clock;

/// <summary>
/// "The snowfall is the order": at the onset an event in prepare moves to clear; at its expiry an event a dispatcher
/// opened (no warning behind it) is marked snow-stopped and moves to restore. Events a warning opened get their end
/// from Weather, which expires the warning. The state machine ignores an order that no longer fits, so a sweep that
/// runs twice (or on two replicas) changes nothing twice; one step per event per sweep keeps the order of the steps.
/// </summary>
public sealed class SnowfallClock(DispatchDbContext db, IPublishEndpoint publish)
{
    public sealed record Outcome(int Cleared, int Stopped);

    public async Task<Outcome> MoveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string prepare = nameof(SnowPhase.Prepare), clear = nameof(SnowPhase.Clear);
        var events = await db.SnowEvents.AsNoTracking()
            .Where(e => e.CurrentState == prepare || e.CurrentState == clear)
            .ToListAsync(cancellationToken);
        var (cleared, stopped) = (0, 0);
        foreach (var e in events)
        {
            if (e.CurrentState == prepare && e.Onset is { } onset && onset <= now)
            {
                // A warning whose onset passed before the event was activated: the clear phase starts with the activation.
                var at = e.Activated is { } activated && activated > onset ? activated : onset;
                await publish.Publish(new AdvanceSnowEvent(e.CorrelationId, SnowPhase.Clear, SnowEventStateMachine.System, at), cancellationToken);
                cleared++;
            }
            else if (e.AlertId is null && e.Expires is { } expires && expires <= now)
            {
                var started = e.ClearStarted ?? e.Activated;
                var ended = started is { } s && s > expires ? s : expires;
                await publish.Publish(new MarkSnowStopped(e.CorrelationId, ended, SnowEventStateMachine.System, now), cancellationToken);
                stopped++;
            }
        }
        return new Outcome(cleared, stopped);
    }
}
