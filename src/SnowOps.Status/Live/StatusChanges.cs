using SnowOps.Contracts;

namespace SnowOps.Status.Live;

/// <summary>The names the dashboard listens for; each carries one of the records below.</summary>
public static class StatusChangeNames
{
    public const string Task = "taskChanged";
    public const string Alert = "alertChanged";
    public const string SnowEvent = "snowEventChanged";
    public const string Routes = "routesChanged";
    public const string CompoundReading = "compoundReading";
}

/// <summary>A task as it now stands: enough to move its marker and update its counters without a reload.</summary>
/// <param name="Changed">When the task last changed state (for a completed task: when it was done).</param>
/// <param name="At">When the event behind this push happened: what event-to-screen latency is measured from.</param>
public sealed record TaskChange(
    Guid TaskId, Guid SnowEventId, TaskKind Kind, TaskState State, string? CrewId, double? PercentDone, int? SegmentsDone,
    double? Lat, double? Lon, int Problems, DateTimeOffset? Changed, DateTimeOffset At);

public sealed record AlertChange(Guid AlertId, Hazard Hazard, AlertLevel Level, string? Headline, bool Active, DateTimeOffset? Expires);

public sealed record SnowEventChange(Guid Id, string Title, AlertLevel Level, SnowPhase Phase);

/// <summary>A snow event's routes changed; the dashboard fetches the plan of this revision.</summary>
public sealed record RoutesChange(Guid SnowEventId, int Revision);

public sealed record CompoundReadingChange(string CompoundId, double AverageCelsius, bool BelowStandard, DateTimeOffset Measured);
