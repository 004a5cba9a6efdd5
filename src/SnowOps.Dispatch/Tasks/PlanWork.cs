using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tasks;

/// <summary>The work a plan sends out when an event enters a phase, with due times from the event's clocks.</summary>
public static class PlanWork
{
    public static IReadOnlyList<CrewTaskFactory.NewTask> For(SnowEventState snowEvent, PlanTemplate plan, SnowPhase phase) =>
        plan.Tasks
            .Select((template, line) => (template, line))
            .Where(x => x.template.Phase == phase)
            .SelectMany(x => Enumerable.Range(1, Math.Max(1, x.template.Count)).Select(n =>
                new CrewTaskFactory.NewTask($"plan:{plan.Name}:{x.line}:{n}", x.template.Kind,
                    x.template.Count > 1 ? $"{x.template.Title} ({n}/{x.template.Count})" : x.template.Title,
                    null, null, Moment(snowEvent, x.template.DueFrom)?.AddHours(x.template.DueHours), Zone: x.template.Zone)))
            .ToList();

    /// <summary>When a plan moment happened (or is expected), from the event's record; null when it is not known yet.</summary>
    public static DateTimeOffset? Moment(SnowEventState e, PlanMoment moment) => moment switch
    {
        PlanMoment.Activation => e.Activated,
        PlanMoment.Onset => e.ClearStarted ?? e.Onset ?? e.Activated,
        PlanMoment.SnowfallEnd => e.SnowfallEnded ?? e.Expires,
        _ => null,
    };

    /// <summary>The phases an event has reached, in order (an escalation sends the new plan's work for each).</summary>
    public static IEnumerable<SnowPhase> Reached(SnowPhase current) =>
        new[] { SnowPhase.Prepare, SnowPhase.Clear, SnowPhase.Restore }.Where(p => p <= current);
}
