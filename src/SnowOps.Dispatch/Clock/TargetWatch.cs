using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Clock;

/// <summary>
/// Watches the service targets of active snow events: a target whose deadline is near and not met raises an at-risk
/// alert, one whose deadline passed before it was met raises a missed alert, each once per event and target. The
/// warning row is written first and the alert published only when that write succeeded, so two replicas raise it once.
/// </summary>
public sealed class TargetWatch(DispatchDbContext db, ServiceReport report, IPublishEndpoint publish)
{
    public const string AtRisk = "at-risk";
    public const string Missed = "missed";

    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] active = [nameof(SnowPhase.Prepare), nameof(SnowPhase.Clear), nameof(SnowPhase.Restore)];
        var events = await db.SnowEvents.AsNoTracking().Where(e => active.Contains(e.CurrentState)).ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var snowEvent in events)
        {
            var targets = await report.ForAsync(snowEvent, now, cancellationToken);
            if (targets is not { Count: > 0 })
                continue;
            var id = snowEvent.CorrelationId;
            var warned = (await db.TargetWarnings.AsNoTracking().Where(w => w.SnowEventId == id)
                    .Select(w => new { w.Target, w.Kind }).ToListAsync(cancellationToken))
                .Select(w => (w.Target, w.Kind))
                .ToHashSet();
            foreach (var t in targets)
            {
                if (t.Deadline is not { } deadline)
                    continue;
                var name = t.Target.Name;
                if (t.Status == TargetStatus.AtRisk && !warned.Contains((name, AtRisk)) && await RecordAsync(id, name, AtRisk, now, cancellationToken))
                {
                    await publish.Publish(new ServiceTargetAtRisk(id, name, deadline, t.Done, t.Needed, now), cancellationToken);
                    raised++;
                }
                if (t.Status == TargetStatus.Missed && !warned.Contains((name, Missed)) && await RecordAsync(id, name, Missed, now, cancellationToken))
                {
                    await publish.Publish(new ServiceTargetMissed(id, name, deadline, t.DoneByDeadline, t.Needed), cancellationToken);
                    raised++;
                }
            }
        }
        return raised;
    }

    async Task<bool> RecordAsync(Guid snowEventId, string target, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var warning = new TargetWarning { SnowEventId = snowEventId, Target = target, Kind = kind, Raised = now };
        db.TargetWarnings.Add(warning);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(warning).State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException)
        {
            // The other replica raised it a moment ago.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
