using SnowOps.Routing.Fleet;

namespace SnowOps.Routing.Planning;

/// <summary>
/// One street driven by a vehicle: served (plowed or spread) or deadheaded, with the times it starts and ends in seconds
/// from the start of the vehicle's shift (or of the re-plan).
/// </summary>
public sealed record PlanStep(long SegmentId, bool Reversed, bool Service, string PriorityClass, int Pass, int Start, int End, double Meters, double DeIcerKg);

/// <summary>A vehicle's whole route, street by street.</summary>
public sealed record VehicleRoute(Vehicle Vehicle, string BaseName, IReadOnlyList<PlanStep> Steps)
{
    public IEnumerable<PlanStep> Services => Steps.Where(s => s.Service);
    public double ServiceMeters => Steps.Where(s => s.Service).Sum(s => s.Meters);
    public double DeadheadMeters => Steps.Where(s => !s.Service).Sum(s => s.Meters);
    public double DeIcerKg => Steps.Sum(s => s.DeIcerKg);
    public int Seconds => Steps.Count == 0 ? 0 : Steps[^1].End;
    public bool HasWork => Steps.Any(s => s.Service);
}

/// <summary>A plan: the routes, the work no route serves and why, and the de-icing rate used.</summary>
public sealed record PlowPlan(
    IReadOnlyList<VehicleRoute> Routes,
    IReadOnlyList<UnservedWork> Unserved,
    double PavementCelsius,
    double GramsPerSquareMeter)
{
    /// <summary>When the last street of a class is served, in seconds into the shift (0 when the class has none).</summary>
    public int FinishOf(string priorityClass) =>
        Routes.SelectMany(r => r.Steps).Where(s => s.Service && s.PriorityClass == priorityClass).Select(s => s.End).DefaultIfEmpty(0).Max();

    public long TotalSeconds => Routes.Sum(r => (long)r.Seconds);
}
