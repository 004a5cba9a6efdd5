using SnowOps.Contracts;

namespace SnowOps.Status.Tests.Public;

/// <summary>
/// One snowstorm's streets: Chang'an Ave (长安街) plowed twice and de-iced once, Jianguo Rd being plowed now,
/// Fuxing Rd planned and not yet started.
/// </summary>
static class PublicStreets
{
    public static readonly Guid SnowEvent = Guid.NewGuid();
    public static readonly Guid PlowRoute = Guid.NewGuid();
    public static readonly Guid SpreadRoute = Guid.NewGuid();
    public static readonly Guid JianguoRoute = Guid.NewGuid();
    public static readonly Guid FuxingRoute = Guid.NewGuid();
    public static readonly Guid FirstPlow = Guid.NewGuid();
    public static readonly Guid SecondPlow = Guid.NewGuid();
    public static readonly Guid Spread = Guid.NewGuid();
    public static readonly Guid JianguoPlow = Guid.NewGuid();
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));

    public const string ChangAnLine = "MULTILINESTRING((116.40 39.90,116.41 39.91))";
    public const string JianguoLine = "LINESTRING(116.50 39.95,116.51 39.95)";
    public const string FuxingLine = "LINESTRING(116.30 39.90,116.31 39.90)";

    static PlannedRoute Route(Guid id, string line, string kind, string priority, params string[] streets) =>
        new(id, id.ToString("N")[..6], priority, 1000, line, streets, "v-" + id.ToString("N")[..4], kind);

    static TaskAssigned Task(Guid id, TaskKind kind, Guid route, string line, string priority, DateTimeOffset at) =>
        new(id, SnowEvent, kind, "task", "crew-1", line, 1000, at, at.AddHours(4), PriorityClass: priority, SourceKey: $"route:{route}");

    static TaskStateChanged State(Guid id, TaskState state, DateTimeOffset at) => new(id, SnowEvent, state, "crew-1", at);

    public static object[] Events =>
    [
        new SnowEventProposed(SnowEvent, Guid.NewGuid(), Hazard.Snowstorm, AlertLevel.Orange, "Orange snowstorm", "snow", T0),
        new PlowRoutesAssigned(SnowEvent,
        [
            Route(PlowRoute, ChangAnLine, "Plow", "P1", "Chang'an Ave", "长安街"),
            Route(SpreadRoute, ChangAnLine, "Spreader", "P1", "Chang'an Ave"),
            Route(JianguoRoute, JianguoLine, "Plow", "P2", "Jianguo Rd"),
            Route(FuxingRoute, FuxingLine, "Plow", "P3", "Fuxing Rd"),
        ]),
        Task(FirstPlow, TaskKind.PlowRoute, PlowRoute, ChangAnLine, "P1", T0),
        State(FirstPlow, TaskState.Started, T0.AddMinutes(10)),
        State(FirstPlow, TaskState.Completed, T0.AddHours(1)),
        Task(SecondPlow, TaskKind.PlowRoute, PlowRoute, ChangAnLine, "P1", T0.AddHours(2)),
        State(SecondPlow, TaskState.Completed, T0.AddHours(3)),
        Task(Spread, TaskKind.DeIcing, SpreadRoute, ChangAnLine, "P1", T0),
        State(Spread, TaskState.Completed, T0.AddHours(2)),
        Task(JianguoPlow, TaskKind.PlowRoute, JianguoRoute, JianguoLine, "P2", T0),
        State(JianguoPlow, TaskState.Started, T0.AddHours(1)),
        Task(Guid.NewGuid(), TaskKind.PlowRoute, FuxingRoute, FuxingLine, "P3", T0),
    ];
}
