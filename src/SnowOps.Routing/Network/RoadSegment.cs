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

    /// <summary>Intersection the segment starts at (an OSM node id, or one derived from the coordinate).</summary>
    public long FromNode { get; set; }

    /// <summary>Intersection the segment ends at.</summary>
    public long ToNode { get; set; }

    /// <summary>Driven only from <see cref="FromNode"/> to <see cref="ToNode"/>.</summary>
    public bool OneWay { get; set; }

    /// <summary>Plow passes the segment needs in each direction it is driven (more on wide streets).</summary>
    public int Passes { get; set; } = 1;
}
