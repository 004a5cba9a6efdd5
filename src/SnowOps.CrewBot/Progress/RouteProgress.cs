using SnowOps.ServiceDefaults.Data;

namespace SnowOps.CrewBot.Progress;

/// <summary>
/// What a crew's positions have shown of one route task: for each road segment (by its index in the route), which of
/// its ends the crew has been near. A segment is passed once the crew has been near both; marks are only ever added,
/// so positions delivered twice or out of order never lower progress, and the result does not depend on their order.
/// </summary>
public sealed class RouteProgress
{
    const char None = '.', Start = 's', End = 'e', Both = 'x';

    public Guid TaskId { get; set; }

    /// <summary>One mark per segment: '.' nothing yet, 's' near its start, 'e' near its end, 'x' both: passed.</summary>
    public string Ends { get; set; } = "";

    /// <summary>The latest position seen, by the messenger's time of it.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset? PositionAt { get; set; }

    /// <summary>When progress was last published, and with how many segments passed.</summary>
    public DateTimeOffset? Reported { get; set; }
    public int SegmentsReported { get; set; }

    public int SegmentsDone => Ends.Count(c => c == Both);

    public IEnumerable<int> Passed => Ends.Select((c, i) => (c, i)).Where(x => x.c == Both).Select(x => x.i);

    /// <summary>Marks the ends the crew was near; a route whose segment count changed starts over.</summary>
    public void Mark(int segments, IEnumerable<(int Segment, bool AtStart)> ends)
    {
        var marks = (Ends.Length == segments ? Ends : new string(None, segments)).ToCharArray();
        foreach (var (segment, atStart) in ends)
            marks[segment] = (marks[segment], atStart) switch
            {
                (None, true) => Start,
                (None, false) => End,
                (Start, false) or (End, true) => Both,
                (var same, _) => same,
            };
        Ends = new string(marks);
    }

    /// <summary>Keeps the position if it is newer than the one kept.</summary>
    public void Seen(double latitude, double longitude, DateTimeOffset at)
    {
        if (PositionAt is { } kept && kept > at)
            return;
        (Latitude, Longitude, PositionAt) = (latitude, longitude, at);
    }

    /// <summary>Share of the route's length passed, 0 to 100.</summary>
    public double PercentDone(RouteLine route) =>
        route.TotalMeters <= 0 ? 0 : Math.Round(Passed.Where(i => i < route.Count).Sum(i => route.Lengths[i]) / route.TotalMeters * 100, 1);
}
