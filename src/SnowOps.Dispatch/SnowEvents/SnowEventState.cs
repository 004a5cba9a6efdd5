using MassTransit;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>One snow event's saga instance, stored in Dispatch's database.</summary>
public sealed class SnowEventState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid? AlertId { get; set; }
    public Hazard Hazard { get; set; }
    public AlertLevel Level { get; set; }
    public string Title { get; set; } = "";
    public string PlanName { get; set; } = "";
    public int PlanVersion { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset Proposed { get; set; }
    public string? ActivatedBy { get; set; }
    public DateTimeOffset? Activated { get; set; }

    /// <summary>When the snow is expected to start (the alert's onset); the clock moves the event to clear then.</summary>
    public DateTimeOffset? Onset { get; set; }

    /// <summary>When the alert stops being valid: the snowfall end unless a dispatcher marks it.</summary>
    public DateTimeOffset? Expires { get; set; }

    /// <summary>When the event entered clear (the snow started).</summary>
    public DateTimeOffset? ClearStarted { get; set; }

    /// <summary>When the snow stopped: the start of the "within N hours of snowfall end" clocks.</summary>
    public DateTimeOffset? SnowfallEnded { get; set; }
    public string? SnowfallEndedBy { get; set; }
    public DateTimeOffset? Closed { get; set; }
    public string? ClosedBy { get; set; }
    public string? CloseReason { get; set; }
}

/// <summary>Order inside Dispatch: open a snow event with a chosen plan (from a warning, or a dispatcher).</summary>
public sealed record ProposeSnowEvent(
    Guid SnowEventId,
    Guid? AlertId,
    Hazard Hazard,
    AlertLevel Level,
    string Title,
    string PlanName,
    DateTimeOffset Proposed,
    int PlanVersion = 1,
    string ProposedBy = "system",
    DateTimeOffset? Onset = null,
    DateTimeOffset? Expires = null,
    bool AutoActivate = false);

/// <summary>Order: move an active event forward (prepare → clear → restore → closed), by a dispatcher or the clock.</summary>
public sealed record AdvanceSnowEvent(Guid SnowEventId, SnowPhase Phase, string By, DateTimeOffset Requested);

/// <summary>Order: the snow stopped at <paramref name="Ended"/>; the event moves to restore.</summary>
public sealed record MarkSnowStopped(Guid SnowEventId, DateTimeOffset Ended, string By, DateTimeOffset Requested);

/// <summary>Order: stand the event down; open tasks are cancelled and the event closes.</summary>
public sealed record StandDownSnowEvent(Guid SnowEventId, string Reason, string By, DateTimeOffset Requested);

/// <summary>Order: an Update alert changed the warning; a higher level widens the plan.</summary>
public sealed record EscalateSnowEvent(
    Guid SnowEventId,
    Guid? AlertId,
    Hazard Hazard,
    AlertLevel Level,
    string Title,
    string PlanName,
    int PlanVersion,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    string By,
    DateTimeOffset Requested,
    bool AutoActivate = false);

public static class SnowEventIds
{
    /// <summary>The snow event a warning opens; the same warning always opens the same event.</summary>
    public static Guid ForAlert(Guid alertId) => StableId.From("snow-event", alertId.ToString());
}
