using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Planning;

/// <summary>A route planned for one vehicle in one snow event.</summary>
public sealed class RouteRecord
{
    public Guid Id { get; set; }
    public Guid SnowEventId { get; set; }
    public int Vehicle { get; set; }
    public required string Name { get; set; }
    public required string PriorityClass { get; set; }
    public double LengthMeters { get; set; }
    public required Geometry Geometry { get; set; }
    public List<string> Streets { get; set; } = [];
}
