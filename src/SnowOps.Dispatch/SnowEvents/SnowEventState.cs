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
    public DateTimeOffset Proposed { get; set; }
    public string? ActivatedBy { get; set; }
    public DateTimeOffset? Activated { get; set; }
    public DateTimeOffset? Closed { get; set; }
}

/// <summary>Order inside Dispatch: open a snow event with a chosen plan (from a warning, or a dispatcher).</summary>
public sealed record ProposeSnowEvent(
    Guid SnowEventId, Guid? AlertId, Hazard Hazard, AlertLevel Level, string Title, string PlanName, DateTimeOffset Proposed);

public static class SnowEventIds
{
    /// <summary>The snow event a warning opens; the same warning always opens the same event.</summary>
    public static Guid ForAlert(Guid alertId) => StableId.From("snow-event", alertId.ToString());
}
