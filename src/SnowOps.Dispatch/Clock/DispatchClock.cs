using Microsoft.Extensions.Logging;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Dispatch.Clock;

/// <summary>
/// One sweep of the dispatch clock: snow events whose onset or end has come move on, unanswered tasks are sent again
/// or escalated, pool tasks go to crews that came on duty, and service targets near or past their deadline raise alerts.
/// </summary>
public sealed class DispatchClock(SnowfallClock snowfall, UnansweredTasks tasks, TargetWatch targets, DispatchDbContext db, TimeProvider clock,
    TransactionalOutbox outbox, ILogger<DispatchClock> logger)
{
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Each part stands alone: a plan that cannot be read must not stop unanswered tasks from reaching the dispatcher.
        var phases = await RunAsync("snow event phases", () => snowfall.MoveAsync(now, cancellationToken), cancellationToken);
        var chased = await RunAsync("unanswered tasks", () => tasks.ChaseAsync(now, cancellationToken), cancellationToken);
        var alerts = await RunAsync("service targets", () => targets.CheckAsync(now, cancellationToken), cancellationToken);
        if (phases is { Cleared: > 0 } or { Stopped: > 0 } || chased is { Resent: > 0 } or { Pooled: > 0 } or { Escalated: > 0 } || alerts > 0)
            logger.LogInformation(
                "Dispatch clock: {Cleared} event(s) to clear, {Stopped} snow-stopped, {Resent} task(s) sent again, {Pooled} from the pool, {Escalated} escalated, {Alerts} target alert(s)",
                phases?.Cleared, phases?.Stopped, chased?.Resent, chased?.Pooled, chased?.Escalated, alerts);
    }

    async Task<T?> RunAsync<T>(string part, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        try
        {
            // Each part is one unit of work: its changes and what it publishes commit together.
            return await outbox.RunAsync(db, run, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Dispatch clock: {Part} failed; the next sweep tries again", part);
            // The parts share the scope's context: a half-made change must not be saved by the next part.
            db.ChangeTracker.Clear();
            return default;
        }
    }
}
