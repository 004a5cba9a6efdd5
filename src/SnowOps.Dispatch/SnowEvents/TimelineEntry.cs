namespace SnowOps.Dispatch.SnowEvents;

/// <summary>One line of a snow event's audit trail: what happened, who did it, when.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public Guid SnowEventId { get; set; }

    /// <summary>What the entry records, unique per event (e.g. "phase:Clear"), so a redelivered event adds no second line.</summary>
    public required string Key { get; set; }
    public required string What { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Detail { get; set; }
}
