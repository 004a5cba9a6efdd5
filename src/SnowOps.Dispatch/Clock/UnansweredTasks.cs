using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Clock;

/// <summary>
/// Tasks nobody has answered. A crew that has not accepted its task within the plan's accept window is sent it again,
/// up to the plan's resends; after the last send the duty dispatcher gets it. A task in the pool (nobody was on duty
/// when it was made) goes to the first crew on duty that takes it; if none comes within the accept window, the duty
/// dispatcher gets it. A task not yet accepted by a crew whose shift has ended (or that was retired) goes to a crew on
/// duty at once. Each change is saved against the task's version, so a crew's answer or another replica's
/// clock arriving at the same moment wins, and the message goes out only for a change that was saved.
/// </summary>
public sealed class UnansweredTasks(DispatchDbContext db, PlanStore plans, CrewAssigner crews, IPublishEndpoint publish,
    IOptionsMonitor<DispatchOptions> options)
{
    public sealed record Outcome(int Resent, int Pooled, int Escalated, int HandedOver = 0);

    /// <summary>How long a crew has to answer, and how often the task is sent again before it is escalated.</summary>
    sealed record AnswerRule(double Minutes, int Resends)
    {
        public TimeSpan Window => TimeSpan.FromMinutes(Minutes);
    }

    sealed record Waiting(Guid Id, Guid SnowEventId, string? CrewId, int Sent, DateTimeOffset Since, TaskKind Kind, string? Zone,
        string? VehicleId, string DeclinedBy);

    public async Task<Outcome> ChaseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = (await db.Tasks.AsNoTracking()
                .Where(t => t.State == TaskState.Assigned)
                .Select(t => new { t.Id, t.SnowEventId, t.CrewId, t.Sent, t.LastSent, t.Assigned, t.Kind, t.Zone, t.VehicleId, t.DeclinedBy })
                .ToListAsync(cancellationToken))
            .Select(t => new Waiting(t.Id, t.SnowEventId, t.CrewId, t.Sent, t.LastSent ?? t.Assigned, t.Kind, t.Zone, t.VehicleId, t.DeclinedBy))
            .ToList();
        if (waiting.Count == 0)
            return new Outcome(0, 0, 0);
        var rules = await RulesAsync(waiting.Select(w => w.SnowEventId).Distinct().ToList(), cancellationToken);
        var onDuty = (await crews.OnDutyAsync(cancellationToken)).Select(c => c.Crew.Id).ToHashSet(StringComparer.Ordinal);
        var (resent, pooled, escalated, handedOver) = (0, 0, 0, 0);
        foreach (var w in waiting.OrderBy(w => w.Since))
        {
            var rule = rules.GetValueOrDefault(w.SnowEventId) ?? rules[Guid.Empty];
            var overdue = w.Since + rule.Window <= now;
            if (w.CrewId is null)
            {
                var crew = await crews.PickAsync(w.Kind, w.Zone, w.VehicleId,
                    w.DeclinedBy.Split(',', StringSplitOptions.RemoveEmptyEntries), cancellationToken);
                if (crew is not null && await AnnounceAsync(w, t => (t.CrewId, t.Sent, t.LastSent) = (crew, 1, now), cancellationToken))
                    pooled++;
                else if (crew is null && overdue && await EscalateAsync(w, $"no crew on duty took it within {rule.Minutes:0.#} min", now, cancellationToken))
                    escalated++;
            }
            else if (!onDuty.Contains(w.CrewId)
                && await crews.PickAsync(w.Kind, w.Zone, w.VehicleId, [.. w.DeclinedBy.Split(',', StringSplitOptions.RemoveEmptyEntries), w.CrewId],
                    cancellationToken) is { } relief)
            {
                if (await AnnounceAsync(w, t => (t.CrewId, t.Sent, t.LastSent) = (relief, 1, now), cancellationToken))
                    handedOver++;
            }
            else if (overdue && w.Sent < 1 + rule.Resends)
            {
                if (await AnnounceAsync(w, t => (t.Sent, t.LastSent) = (t.Sent + 1, now), cancellationToken))
                    resent++;
            }
            else if (overdue && await EscalateAsync(w, $"not accepted within {rule.Minutes:0.#} min after {w.Sent} send{(w.Sent == 1 ? "" : "s")}", now, cancellationToken))
                escalated++;
        }
        return new Outcome(resent, pooled, escalated, handedOver);
    }

    async Task<bool> AnnounceAsync(Waiting seen, Action<CrewTask> change, CancellationToken cancellationToken)
    {
        var task = await ChangeAsync(seen, change, cancellationToken);
        if (task is null)
            return false;
        await publish.Publish(CrewTaskFactory.Announcement(task), cancellationToken);
        return true;
    }

    async Task<bool> EscalateAsync(Waiting seen, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var task = await ChangeAsync(seen, t => (t.State, t.Escalated, t.Reason) = (TaskState.Escalated, now, reason), cancellationToken);
        if (task is null)
            return false;
        await publish.Publish(new TaskEscalated(task.Id, reason, now), cancellationToken);
        await publish.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Escalated, task.CrewId, now, reason,
            SnowEventStateMachine.System), cancellationToken);
        return true;
    }

    /// <summary>Applies a change to the task as it was seen; null when it has moved on since (answered, reassigned, sent by another replica).</summary>
    async Task<CrewTask?> ChangeAsync(Waiting seen, Action<CrewTask> change, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == seen.Id, cancellationToken);
        if (task is null || task.State != TaskState.Assigned || task.CrewId != seen.CrewId || task.Sent != seen.Sent)
            return null;
        change(task);
        task.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // A storm's sweep saves thousands of tasks one at a time; those done with are not scanned again on the next save.
            db.Entry(task).State = EntityState.Detached;
            return task;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>The answer rule of each snow event's plan version; standing work (<see cref="Guid.Empty"/>) and events without a stored plan take the standing rule.</summary>
    async Task<Dictionary<Guid, AnswerRule>> RulesAsync(IReadOnlyList<Guid> snowEventIds, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var standing = new AnswerRule(Math.Max(0.5, o.StandingAcceptWithinMinutes), Math.Clamp(o.StandingResends, 0, 10));
        var rules = new Dictionary<Guid, AnswerRule> { [Guid.Empty] = standing };
        var ids = snowEventIds.Where(id => id != Guid.Empty).ToList();
        var events = await db.SnowEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CorrelationId))
            .Select(e => new { e.CorrelationId, e.PlanName, e.PlanVersion })
            .ToListAsync(cancellationToken);
        foreach (var version in events.GroupBy(e => (e.PlanName, e.PlanVersion)))
        {
            var plan = await plans.GetAsync(version.Key.PlanName, version.Key.PlanVersion, cancellationToken);
            var rule = plan is null ? standing : new AnswerRule(plan.AcceptWithinMinutes, plan.Resends);
            foreach (var e in version)
                rules[e.CorrelationId] = rule;
        }
        return rules;
    }
}
