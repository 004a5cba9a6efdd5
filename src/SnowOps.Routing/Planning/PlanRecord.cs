namespace SnowOps.Routing.Planning;

/// <summary>
/// One revision of a snow event's plan: what it was asked for and what it left out. A widening's own record (what it
/// added, its plows, what it left out) sits at revision -1 for the first widening, -2 for the second, …; its routes and
/// classes are part of the current revision.
/// </summary>
public sealed class PlanRecord
{
    public Guid Id { get; set; }
    public Guid SnowEventId { get; set; }
    public int Revision { get; set; }
    public List<string> PriorityClasses { get; set; } = [];
    public int Plows { get; set; }
    public double PavementCelsius { get; set; }
    public double GramsPerSquareMeter { get; set; }

    /// <summary>For a re-plan, a digest of what was asked, so the same request posted again changes nothing.</summary>
    public string? RequestDigest { get; set; }
    public List<string> BrokenVehicles { get; set; } = [];
    public List<long> BlockedSegments { get; set; } = [];
    public List<long> FinishedSegments { get; set; } = [];

    /// <summary>The work no route serves, as JSON (<see cref="UnservedWork"/>s).</summary>
    public string Unserved { get; set; } = "[]";
    public DateTimeOffset Created { get; set; }
    public double PlanningSeconds { get; set; }
}
