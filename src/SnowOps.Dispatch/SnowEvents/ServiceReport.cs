using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.SnowEvents;

public enum TargetStatus
{
    /// <summary>Not met, and the deadline is not near (or not known yet, or there is nothing to count yet).</summary>
    Pending = 0,
    /// <summary>Not met, and the deadline is within the target's warning time.</summary>
    AtRisk,
    /// <summary>Met by the deadline (or before the deadline was known).</summary>
    Met,
    /// <summary>The deadline passed before the work was done (met late, or not at all).</summary>
    Missed,
}

/// <summary>What the service-target arithmetic needs of a task.</summary>
public sealed record TaskTimes(TaskKind Kind, string? PriorityClass, TaskState State, DateTimeOffset? Started, DateTimeOffset? Completed);

/// <summary>Where one service target of a snow event stands.</summary>
/// <param name="Deadline">The moment the target counts from plus its hours; null while that moment is not known.</param>
/// <param name="Counted">The event's tasks the target counts: of its kinds (and class), not cancelled.</param>
/// <param name="Needed">How many of them must reach the measure: the target's share, rounded up.</param>
/// <param name="Done">How many have reached it by now.</param>
/// <param name="DoneByDeadline">How many had reached it by the deadline (all done so far when there is none).</param>
/// <param name="MetAt">When the needed-th task reached the measure, once it has.</param>
public sealed record TargetReport(
    ServiceTarget Target,
    DateTimeOffset? Deadline,
    int Counted,
    int Needed,
    int Done,
    int DoneByDeadline,
    TargetStatus Status,
    DateTimeOffset? MetAt);

/// <summary>
/// How a snow event is doing against its plan's service targets ("P1 passable within 2 h of onset", "all P1 clear
/// within 8 h of snowfall end"): read by the service report and by the dispatch clock, which raises the at-risk and
/// missed alerts from it.
/// </summary>
public sealed class ServiceReport(DispatchDbContext db, PlanStore plans)
{
    /// <summary>The event's targets as of <paramref name="now"/>; null when the event's plan version is not stored.</summary>
    public async Task<IReadOnlyList<TargetReport>?> ForAsync(SnowEventState snowEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(snowEvent.PlanName, snowEvent.PlanVersion, cancellationToken);
        if (plan is null)
            return null;
        if (plan.ServiceTargets.Count == 0)
            return [];
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SnowEventId == snowEvent.CorrelationId)
            .Select(t => new TaskTimes(t.Kind, t.PriorityClass, t.State, t.Started, t.Completed))
            .ToListAsync(cancellationToken);
        return plan.ServiceTargets.Select(target => Measure(target, Moment(snowEvent, target.From), tasks, now)).ToList();
    }

    /// <summary>
    /// When a target's clock starts. The alert's onset and expiry stand in for the start and end of the snow until they
    /// happen (the dispatch clock turns them into the real moments when they pass); an event opened without an onset
    /// has no onset deadline before it enters clear.
    /// </summary>
    public static DateTimeOffset? Moment(SnowEventState e, PlanMoment moment) => moment switch
    {
        PlanMoment.Activation => e.Activated,
        PlanMoment.Onset => e.ClearStarted ?? e.Onset,
        PlanMoment.SnowfallEnd => e.SnowfallEnded ?? e.Expires,
        _ => null,
    };

    public static TargetReport Measure(ServiceTarget target, DateTimeOffset? moment, IReadOnlyCollection<TaskTimes> tasks, DateTimeOffset now)
    {
        var kinds = KindsOf(target);
        var counted = tasks
            .Where(t => t.State != TaskState.Cancelled && kinds.Contains(t.Kind)
                && (target.PriorityClass is null || string.Equals(t.PriorityClass, target.PriorityClass, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var reached = counted
            .Select(t => Reached(t, target.Measure))
            .OfType<DateTimeOffset>()
            .Where(at => at <= now)
            .Order()
            .ToList();
        var needed = Needed(target.SharePercent, counted.Count);
        var deadline = moment?.AddHours(target.Hours);
        DateTimeOffset? metAt = needed > 0 && reached.Count >= needed ? reached[needed - 1] : null;
        var doneByDeadline = deadline is { } d ? reached.Count(at => at <= d) : reached.Count;
        return new TargetReport(target, deadline, counted.Count, needed, reached.Count, doneByDeadline,
            Status(needed, metAt, deadline, target.WarnMinutes, now), metAt);
    }

    /// <summary>The kinds of task a target counts: plow routes unless it names others.</summary>
    public static IReadOnlyList<TaskKind> KindsOf(ServiceTarget target) => target.Kinds.Count == 0 ? [TaskKind.PlowRoute] : target.Kinds;

    /// <summary>The share rounded up; a hair of floating-point error (100 × 3 / 100 = 3.0000000004) does not ask for one more.</summary>
    public static int Needed(double sharePercent, int counted) =>
        counted == 0 ? 0 : Math.Clamp((int)Math.Ceiling(counted * sharePercent / 100 - 1e-9), 1, counted);

    static TargetStatus Status(int needed, DateTimeOffset? metAt, DateTimeOffset? deadline, double warnMinutes, DateTimeOffset now)
    {
        // With nothing counted yet (routes not planned, work not sent out) there is nothing to be late with.
        if (needed == 0)
            return TargetStatus.Pending;
        if (metAt is { } met)
            return deadline is { } due && met > due ? TargetStatus.Missed : TargetStatus.Met;
        if (deadline is not { } d)
            return TargetStatus.Pending;
        if (now >= d)
            return TargetStatus.Missed;
        return now >= d.AddMinutes(-warnMinutes) ? TargetStatus.AtRisk : TargetStatus.Pending;
    }

    /// <summary>When a task reached the measure: passable once a first pass started (or it is done), clear once done.</summary>
    static DateTimeOffset? Reached(TaskTimes t, TargetMeasure measure) => measure switch
    {
        TargetMeasure.Started => Earliest(t.Started, t.Completed),
        _ => t.Completed,
    };

    static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
