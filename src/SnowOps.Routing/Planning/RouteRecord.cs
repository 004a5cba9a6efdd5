using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Planning;

/// <summary>A route planned for one vehicle in one snow event, in one revision of the plan (0 is the first plan).</summary>
public sealed class RouteRecord
{
    public Guid Id { get; set; }
    public Guid SnowEventId { get; set; }
    public int Revision { get; set; }
    public int Vehicle { get; set; }
    public string VehicleId { get; set; } = "";
    public string VehicleKind { get; set; } = "Plow";
    public string BaseName { get; set; } = "";
    public required string Name { get; set; }
    public required string PriorityClass { get; set; }

    /// <summary>Length of the streets served (each street once, however many passes).</summary>
    public double LengthMeters { get; set; }
    public double ServiceMeters { get; set; }
    public double DeadheadMeters { get; set; }
    public int Seconds { get; set; }
    public double DeIcerKg { get; set; }

    /// <summary>The streets served, each once, in the order first served.</summary>
    public required Geometry Geometry { get; set; }
    public List<string> Streets { get; set; } = [];

    /// <summary>Every street driven, in order, as JSON (<see cref="PlanStep"/>s).</summary>
    public string Steps { get; set; } = "[]";
}
