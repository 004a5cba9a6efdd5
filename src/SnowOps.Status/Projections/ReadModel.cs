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

/// <summary>One crew task: what it is, where it stands, and how far the crew has got.</summary>
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
    public string? SourceKey { get; set; }
    public string? PriorityClass { get; set; }
    public string? GeometryWkt { get; set; }
    public DateTimeOffset? Due { get; set; }
    public int? SegmentsDone { get; set; }
    public double? PercentDone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset? PositionReported { get; set; }

    /// <summary>Problems the crew reported from the field, each counted once.</summary>
    public int Problems { get; set; }
}
