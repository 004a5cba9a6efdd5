using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Network;

/// <summary>A street between two intersections (or an intersection and a dead end), with what plowing needs to know of it.</summary>
public sealed class RoadSegment
{
    public long Id { get; set; }

    /// <summary>The OpenStreetMap way the segment was cut from (null when the source was a GeoJSON file).</summary>
    public long? WayId { get; set; }

    public string? Name { get; set; }
    public string Highway { get; set; } = "";
    public required string PriorityClass { get; set; }

    /// <summary>Bridges, ramps and slopes get de-icer after the plow.</summary>
    public bool NeedsDeIcing { get; set; }

    /// <summary>Tagged <c>bridge=*</c> (anything but no): ices first.</summary>
    public bool Bridge { get; set; }

    /// <summary>Steep by the city's incline rule.</summary>
    public bool Slope { get; set; }

    /// <summary>Within the configured distance of a hospital or fire station.</summary>
    public bool EmergencyAccess { get; set; }

    /// <summary>A LineString in WGS 84, drawn from <see cref="FromNode"/> to <see cref="ToNode"/>.</summary>
    public required Geometry Geometry { get; set; }

    public double LengthMeters { get; set; }

    /// <summary>Intersection the segment starts at (an OSM node id, or one derived from the coordinate).</summary>
    public long FromNode { get; set; }

    /// <summary>Intersection the segment ends at.</summary>
    public long ToNode { get; set; }

    /// <summary>Driven only from <see cref="FromNode"/> to <see cref="ToNode"/>.</summary>
    public bool OneWay { get; set; }

    /// <summary>Plow passes the segment needs driven from <see cref="FromNode"/> to <see cref="ToNode"/> (more on wide streets).</summary>
    public int Passes { get; set; } = 1;

    /// <summary>Plow passes driven the other way, from <see cref="ToNode"/> to <see cref="FromNode"/>; 0 on a one-way street.</summary>
    public int PassesBackward { get; set; } = 1;
}
