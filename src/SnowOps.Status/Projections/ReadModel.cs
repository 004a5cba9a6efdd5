using SnowOps.Contracts;

namespace SnowOps.Status.Projections;

public sealed class AlertRow
{
    public Guid AlertId { get; set; }
    public Hazard Hazard { get; set; }
    public AlertLevel Level { get; set; }
    public string Event { get; set; } = "";
    public string? Headline { get; set; }
    public DateTimeOffset? Onset { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public bool Active { get; set; }

    /// <summary>When the read model first learnt of the alert: how fresh the committee's picture is.</summary>
    public DateTimeOffset? Projected { get; set; }
}

public sealed class SnowEventRow
{
    public Guid SnowEventId { get; set; }
    public string Title { get; set; } = "";
    public Hazard Hazard { get; set; }
    public AlertLevel Level { get; set; }
    public SnowPhase Phase { get; set; }
    public DateTimeOffset? Proposed { get; set; }
    public DateTimeOffset? PhaseChanged { get; set; }
}

public sealed class TaskRow
{
    public Guid TaskId { get; set; }
    public Guid SnowEventId { get; set; }
    public TaskKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? CrewId { get; set; }
    public TaskState State { get; set; }
    public DateTimeOffset? Assigned { get; set; }
    public DateTimeOffset? StateChanged { get; set; }
}
