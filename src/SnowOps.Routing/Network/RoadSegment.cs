using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Network;

/// <summary>A street between two intersections, with what plowing needs to know of it.</summary>
public sealed class RoadSegment
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string Highway { get; set; } = "";
    public required string PriorityClass { get; set; }

    /// <summary>Bridges, ramps and slopes get de-icer after the plow.</summary>
    public bool NeedsDeIcing { get; set; }
    public required Geometry Geometry { get; set; }
    public double LengthMeters { get; set; }
}
