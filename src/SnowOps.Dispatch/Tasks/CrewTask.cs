using NetTopologySuite.Geometries;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>One piece of crew work, whatever its kind.</summary>
public sealed class CrewTask
{
    public Guid Id { get; set; }

    /// <summary>The snow event; <see cref="Guid.Empty"/> for standing work outside any event (e.g. a heating repair).</summary>
    public Guid SnowEventId { get; set; }

    /// <summary>What created it (a plan line, a route, a request); unique per snow event, so a repeated message creates nothing.</summary>
    public required string SourceKey { get; set; }
    public TaskKind Kind { get; set; }
    public required string Title { get; set; }
    public TaskState State { get; set; }
    public string? CrewId { get; set; }

    /// <summary>The route's vehicle, for route tasks: the crew driving it gets the task.</summary>
    public string? VehicleId { get; set; }
    public string? PriorityClass { get; set; }
    public string? Zone { get; set; }

    /// <summary>What the task is about, as its requester named it (e.g. a temperature check's compound); sent with every assignment.</summary>
    public string? SubjectId { get; set; }
    public Geometry? Geometry { get; set; }
    public double? LengthMeters { get; set; }
    public DateTimeOffset Assigned { get; set; }
    public DateTimeOffset? Due { get; set; }

    /// <summary>How many times the current crew has been sent it.</summary>
    public int Sent { get; set; }
    public DateTimeOffset? LastSent { get; set; }

    /// <summary>Crews that declined it, comma-separated; they are not asked again.</summary>
    public string DeclinedBy { get; set; } = "";
    public DateTimeOffset? Accepted { get; set; }
    public DateTimeOffset? Started { get; set; }
    public DateTimeOffset? Completed { get; set; }
    public DateTimeOffset? Escalated { get; set; }
    public DateTimeOffset? Cancelled { get; set; }
    public double? PercentDone { get; set; }
    public int? SegmentsDone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset? LastReport { get; set; }
    public string? Note { get; set; }

    /// <summary>Why it was declined, escalated or cancelled.</summary>
    public string? Reason { get; set; }
    public int Version { get; set; }

    public IEnumerable<string> Decliners => DeclinedBy.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
