using SnowOps.Contracts;

namespace SnowOps.Status.Tests;

/// <summary>One snowstorm and one cold spell as the read model hears them: every kind of event it projects.</summary>
static class StatusHistory
{
    public static readonly Guid Alert = Guid.NewGuid();
    public static readonly Guid SnowEvent = Guid.NewGuid();
    public static readonly Guid PlowTask = Guid.NewGuid();
    public static readonly Guid CheckTask = Guid.NewGuid();
    public static readonly Guid RouteA = Guid.NewGuid();
    public static readonly Guid RouteB = Guid.NewGuid();
    public static readonly Guid FirstReading = Guid.NewGuid();
    public static readonly Guid ColdReading = Guid.NewGuid();
    public static readonly Guid Deficiency = Guid.NewGuid();
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));

    public const string Line = "MULTILINESTRING((116.40 39.90,116.41 39.91))";

    public static PlannedRoute Route(Guid id, string vehicle, params string[] streets) =>
        new(id, vehicle + ": P1", "P1", 1200, Line, streets, vehicle, "Plow");

    public static object[] Events =>
    [
        new WeatherAlertIssued(Alert, "id", "met", Hazard.Snowstorm, AlertLevel.Orange, "Snow", "Heavy snow", null, null, T0, T0, T0.AddHours(12), []),
        new SnowEventProposed(SnowEvent, Alert, Hazard.Snowstorm, AlertLevel.Orange, "Orange snowstorm", "snow", T0),
        new SnowEventPhaseChanged(SnowEvent, SnowPhase.Clear, "ana", T0.AddMinutes(5)),
        new PlowRoutesAssigned(SnowEvent, [Route(RouteA, "plow-1", "Chang'an Ave", "Fuxing Rd"), Route(RouteB, "plow-2", "Jianguo Rd")]),
        new TaskAssigned(PlowTask, SnowEvent, TaskKind.PlowRoute, "Plow route A", "plow-1", Line, 1200, T0.AddMinutes(6), T0.AddHours(4),
            PriorityClass: "P1", SourceKey: $"route:{RouteA}"),
        new TaskStateChanged(PlowTask, SnowEvent, TaskState.Accepted, "plow-1", T0.AddMinutes(8)),
        new TaskStateChanged(PlowTask, SnowEvent, TaskState.Started, "plow-1", T0.AddMinutes(10)),
        new TaskProgressReported(PlowTask, "plow-1", 39.900, 116.400, 20, T0.AddMinutes(30), 3),
        new TaskProgressReported(PlowTask, "plow-1", 39.905, 116.405, 55, T0.AddMinutes(60), 8),
        new TaskProblemReported(PlowTask, "plow-1", "Car parked across the lane", T0.AddMinutes(40)),
        new PlowRoutesReplanned(SnowEvent, 1, [Route(RouteA, "plow-1", "Fuxing Rd")], ["plow-2"], [], []),
        new TaskAssigned(CheckTask, Guid.Empty, TaskKind.TemperatureCheck, "Check Sunny Garden", "heat-1", null, null, T0, T0.AddHours(24),
            SourceKey: "request:check-sunny", SubjectId: "sunny-garden"),
        new IndoorTemperatureRecorded(FirstReading, CheckTask, "sunny-garden", [19.0, 19.5, 20.0], 19.5, "heat-1", T0.AddHours(1)),
        new IndoorTemperatureRecorded(ColdReading, CheckTask, "sunny-garden", [16.0, 16.5, 17.0], 16.5, "heat-1", T0.AddHours(3)),
        new HeatingDeficiencyFound(Deficiency, "sunny-garden", "north-heat", ColdReading, 16.5, 18, T0.AddHours(3)),
        new WeatherAlertCancelled(Alert, T0.AddHours(6)),
    ];
}
