using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Tests.Dashboard;

/// <summary>Read-model rows written straight into Status's tables, for the dashboard's endpoints to count.</summary>
static class DashboardSeed
{
    public static SnowEventRow Event(SnowPhase phase, DateTimeOffset proposed) => new()
    {
        SnowEventId = Guid.NewGuid(), Title = $"{phase} snowstorm", Hazard = Hazard.Snowstorm, Level = AlertLevel.Orange, Phase = phase,
        Proposed = proposed, PhaseChanged = proposed,
    };

    public static RouteRow Route(SnowEventRow snowEvent, string priorityClass, double meters, string vehicle) => new()
    {
        SnowEventId = snowEvent.SnowEventId, RouteId = Guid.NewGuid(), Name = $"{vehicle}: {priorityClass}", VehicleId = vehicle,
        PriorityClass = priorityClass, LengthMeters = meters, GeometryWkt = "MULTILINESTRING((7.42 43.73,7.43 43.74),(7.43 43.74,7.44 43.75))",
        Streets = [$"{vehicle} street"],
    };

    public static TaskRow TaskFor(RouteRow route, TaskKind kind, TaskState state, DateTimeOffset changed, string crew = "plow-1") => new()
    {
        TaskId = Guid.NewGuid(), SnowEventId = route.SnowEventId, Kind = kind, Title = route.Name, CrewId = crew, State = state,
        Assigned = changed.AddHours(-1), StateChanged = changed, SourceKey = $"route:{route.RouteId}", PriorityClass = route.PriorityClass,
        GeometryWkt = route.GeometryWkt,
    };

    public static TaskRow Task(TaskKind kind, TaskState state, DateTimeOffset changed) => new()
    {
        TaskId = Guid.NewGuid(), Kind = kind, Title = kind.ToString(), State = state, Assigned = changed.AddHours(-1), StateChanged = changed,
    };

    public static async Task SaveAsync(this StatusDbContext db, params object[] rows)
    {
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
