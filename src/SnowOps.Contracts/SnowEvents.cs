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
public sealed record SnowEventProposed(
    Guid SnowEventId,
    Guid? AlertId,
    Hazard Hazard,
    AlertLevel Level,
    string Title,
    string PlanName,
    DateTimeOffset Proposed);

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
public sealed record SnowEventPhaseChanged(Guid SnowEventId, SnowPhase Phase, string ChangedBy, DateTimeOffset Changed);
