namespace SnowOps.Status.Projections;

/// <summary>One vehicle's route in the current plan of a snow event.</summary>
public sealed class RouteRow
{
    public Guid SnowEventId { get; set; }
    public Guid RouteId { get; set; }
    public string Name { get; set; } = "";
    public string? VehicleId { get; set; }
    public string PriorityClass { get; set; } = "";
    public double LengthMeters { get; set; }
    public string GeometryWkt { get; set; } = "";
    public List<string> Streets { get; set; } = [];

    /// <summary>The plan revision the route belongs to: 0 for the first plan, then each re-plan's.</summary>
    public int Revision { get; set; }
}

/// <summary>The newest plan revision seen for a snow event, kept even when that plan has no routes left.</summary>
public sealed class RoutePlanRow
{
    public Guid SnowEventId { get; set; }
    public int Revision { get; set; }
}
