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

    /// <summary>
    /// The trail in the order things happened: by time, and for steps of the same instant (an activation and the
    /// prepare phase it starts, a snow-stopped mark and the restore phase) in the order the operation takes them.
    /// </summary>
    public static IEnumerable<TimelineEntry> InOrder(IEnumerable<TimelineEntry> entries) =>
        entries.OrderBy(e => e.At).ThenBy(e => Rank(e.Key)).ThenBy(e => e.Id);

    static int Rank(string key) => key.Split(':')[0] switch
    {
        "proposed" => 0,
        "activated" => 1,
        "phase" => key switch
        {
            "phase:Prepare" => 2,
            "phase:Clear" => 4,
            "phase:Restore" => 6,
            _ => 8,
        },
        "snowfall-end" => 5,
        _ => 3,
    };
}
