using SnowOps.Contracts;

namespace SnowOps.CrewBot.Cards;

/// <summary>What a crew sees of one task: the card the messenger shows, and the buttons it allows.</summary>
public sealed class TaskCard
{
    public Guid TaskId { get; set; }
    public Guid SnowEventId { get; set; }
    public string? CrewId { get; set; }
    public TaskKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>What the task is about, e.g. a temperature check's compound; null when the title says it all.</summary>
    public string? SubjectId { get; set; }
    public double? LengthMeters { get; set; }
    /// <summary>The task's place from <see cref="TaskAssigned.GeometryWkt"/>: for a route, the segments live locations are matched to.</summary>
    public string? GeometryWkt { get; set; }
    public DateTimeOffset? Due { get; set; }
    public TaskState State { get; set; }
    public DateTimeOffset Received { get; set; }
    public DateTimeOffset Changed { get; set; }
}
