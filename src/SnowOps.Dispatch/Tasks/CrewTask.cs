using NetTopologySuite.Geometries;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>One piece of crew work, whatever its kind.</summary>
public sealed class CrewTask
{
    public Guid Id { get; set; }
    public Guid SnowEventId { get; set; }

    /// <summary>What created it (a plan line or a route); unique per snow event, so a repeated message creates nothing.</summary>
    public required string SourceKey { get; set; }
    public TaskKind Kind { get; set; }
    public required string Title { get; set; }
    public TaskState State { get; set; }
    public string? CrewId { get; set; }
    public Geometry? Geometry { get; set; }
    public double? LengthMeters { get; set; }
    public DateTimeOffset Assigned { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateTimeOffset? Accepted { get; set; }
    public DateTimeOffset? Started { get; set; }
    public DateTimeOffset? Completed { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}
