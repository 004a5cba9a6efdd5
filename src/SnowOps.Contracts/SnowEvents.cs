namespace SnowOps.Contracts;

/// <summary>The phases of a snow operation: prepare before the snow, open the roads during it, restore after it.</summary>
public enum SnowPhase
{
    /// <summary>Proposed by a warning; waiting for a dispatcher.</summary>
    Proposed = 0,
    /// <summary>Prepare before the snow (雪前准备): crews on standby, brine on bridges and slopes.</summary>
    Prepare,
    /// <summary>Open the roads during the snow (雪中打通).</summary>
    Clear,
    /// <summary>Restore after the snow (雪后恢复).</summary>
    Restore,
    /// <summary>The operation is over.</summary>
    Closed,
}

/// <summary>A snow event was opened and its plan proposed; a dispatcher decides whether to activate it.</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="AlertId">The alert that opened it, if a warning did.</param>
/// <param name="Hazard">The hazard the plan answers.</param>
/// <param name="Level">The level the plan answers.</param>
/// <param name="Title">A short title for lists and the wall screen.</param>
/// <param name="PlanName">The name of the plan template chosen.</param>
/// <param name="Proposed">When it was proposed.</param>
/// <param name="ProposedBy">The dispatcher who opened it, or "system" for a warning.</param>
public sealed record SnowEventProposed(
    Guid SnowEventId,
    Guid? AlertId,
    Hazard Hazard,
    AlertLevel Level,
    string Title,
    string PlanName,
    DateTimeOffset Proposed,
    string ProposedBy = "system");

/// <summary>Order: activate a proposed snow event (sent on a dispatcher's decision).</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="ActivatedBy">The dispatcher who activated it.</param>
/// <param name="Requested">When the dispatcher asked.</param>
public sealed record ActivateSnowEvent(Guid SnowEventId, string ActivatedBy, DateTimeOffset Requested);

/// <summary>A snow event was activated; its plan's tasks are being created.</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Hazard">The hazard.</param>
/// <param name="Level">The level.</param>
/// <param name="PlanName">The plan template to carry out.</param>
/// <param name="ActivatedBy">Who activated it.</param>
/// <param name="Activated">When.</param>
public sealed record SnowEventActivated(
    Guid SnowEventId,
    Hazard Hazard,
    AlertLevel Level,
    string PlanName,
    string ActivatedBy,
    DateTimeOffset Activated);

/// <summary>A snow event moved to another phase.</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Phase">The phase it is in now.</param>
/// <param name="ChangedBy">Who or what moved it ("system" for timers and alerts).</param>
/// <param name="Changed">When.</param>
/// <param name="Reason">Why, when it is not the plain next step (e.g. "stood down: the warning was cancelled").</param>
public sealed record SnowEventPhaseChanged(Guid SnowEventId, SnowPhase Phase, string ChangedBy, DateTimeOffset Changed, string? Reason = null);

/// <summary>An Update alert raised the level of a snow event: its plan is widened (the work already out stays).</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="PreviousLevel">The level before.</param>
/// <param name="Level">The level now.</param>
/// <param name="PlanName">The plan template for the new level.</param>
/// <param name="PlanVersion">The version of that template the event follows now.</param>
/// <param name="EscalatedBy">Who or what raised it ("system" for an alert).</param>
/// <param name="Escalated">When.</param>
public sealed record SnowEventEscalated(
    Guid SnowEventId,
    AlertLevel PreviousLevel,
    AlertLevel Level,
    string PlanName,
    int PlanVersion,
    string EscalatedBy,
    DateTimeOffset Escalated);

/// <summary>The snow stopped: the clocks of the "within N hours of snowfall end" service targets run from <paramref name="Ended"/>.</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Ended">When the snowfall ended (a dispatcher's mark, or the alert's end).</param>
/// <param name="MarkedBy">The dispatcher, or "system" when the alert ended.</param>
/// <param name="Marked">When it was marked (a dispatcher may mark the end after the fact).</param>
public sealed record SnowfallEnded(Guid SnowEventId, DateTimeOffset Ended, string MarkedBy, DateTimeOffset? Marked = null);

/// <summary>A service target of a snow event is about to be missed (its deadline is near and the work is not done).</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Target">The target's name, e.g. "P1 clear".</param>
/// <param name="Deadline">When it must be met.</param>
/// <param name="Done">Tasks counted as done so far.</param>
/// <param name="Needed">Tasks that must be done to meet it.</param>
/// <param name="Raised">When the warning was raised.</param>
public sealed record ServiceTargetAtRisk(Guid SnowEventId, string Target, DateTimeOffset Deadline, int Done, int Needed, DateTimeOffset Raised);

/// <summary>A service target's deadline passed without the work done.</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Target">The target's name.</param>
/// <param name="Deadline">When it had to be met.</param>
/// <param name="Done">Tasks done by then.</param>
/// <param name="Needed">Tasks that had to be done.</param>
public sealed record ServiceTargetMissed(Guid SnowEventId, string Target, DateTimeOffset Deadline, int Done, int Needed);

/// <summary>Hand-off to Heating: a snow event's plan asks heating companies to act (cold wave, snowstorm).</summary>
/// <param name="SnowEventId">The snow event.</param>
/// <param name="Hazard">The hazard.</param>
/// <param name="Level">The level.</param>
/// <param name="RaiseSupplyCelsius">How much to raise the supply water temperature, °C.</param>
/// <param name="CheckEveryHours">How often compounds' indoor temperature is to be checked while the event lasts.</param>
/// <param name="FirstCompounds">Which compounds are checked first, e.g. "old", "cold-area", "complaints".</param>
/// <param name="Notes">Further instructions of the plan.</param>
/// <param name="Requested">When.</param>
public sealed record HeatingActionsRequested(
    Guid SnowEventId,
    Hazard Hazard,
    AlertLevel Level,
    double RaiseSupplyCelsius,
    double CheckEveryHours,
    IReadOnlyList<string> FirstCompounds,
    IReadOnlyList<string> Notes,
    DateTimeOffset Requested);

/// <summary>Heating (or another module) asks Dispatch for a crew task, e.g. a temperature check or a heating repair.</summary>
/// <param name="SourceKey">The requester's stable key for the work; the same key twice makes one task.</param>
/// <param name="SnowEventId">The snow event it belongs to, or null for standing work outside any event.</param>
/// <param name="Kind">What kind of work.</param>
/// <param name="Title">What to do, in a line.</param>
/// <param name="GeometryWkt">Where, as WKT in WGS 84, if the task has a place.</param>
/// <param name="Zone">The city zone, for crews that work one zone.</param>
/// <param name="Due">When it should be done.</param>
/// <param name="RequestedBy">Who asked (module or person).</param>
/// <param name="SubjectId">What the task is about, e.g. the compound id of a temperature check or a repair; Dispatch keeps it on
/// the task and passes it on with every <see cref="TaskAssigned"/>, so the crew's records name it without parsing the title.</param>
public sealed record CrewTaskRequested(
    string SourceKey,
    Guid? SnowEventId,
    TaskKind Kind,
    string Title,
    string? GeometryWkt,
    string? Zone,
    DateTimeOffset? Due,
    string RequestedBy,
    string? SubjectId = null);
