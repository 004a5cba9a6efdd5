using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Clock;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;
using SnowOps.Testing;

namespace SnowOps.Dispatch.Tests;

/// <summary>
/// Dispatch's consumers and saga on MassTransit's in-memory harness, over a real SQLite file; with a fake clock, time
/// moves only when a spec says so, and the dispatch clock sweeps only when the spec calls <see cref="TickAsync"/>.
/// </summary>
public sealed class DispatchHarness(TimeProvider? clock = null, DispatchOptions? options = null)
    : ModuleHarness<DispatchDbContext, DispatchSqliteContext>(DispatchModule.AddConsumers, services =>
{
    services.AddSingleton<IOptionsMonitor<DispatchOptions>>(new StaticOptions(options ?? Options));
    if (clock is not null)
        services.AddSingleton(clock);
    DispatchModule.AddServices(services);
})
{
    public static DispatchOptions Options { get; } = new()
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                MinLevel = AlertLevel.Blue,
                PlowPriorityClasses = ["P1"],
                PlowVehicles = 2,
                Tasks =
                [
                    new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 2 },
                    new TaskTemplate { Kind = TaskKind.FrontageNotice, Title = "Notify shops" },
                ],
            },
            new PlanTemplate
            {
                Name = "snow-severe",
                Hazards = [Hazard.Snowstorm],
                MinLevel = AlertLevel.Orange,
                AutoActivateAt = AlertLevel.Red,
                PlowPriorityClasses = ["P1", "P2"],
                PlowVehicles = 3,
                FrontageNotices = true,
                Heating = new HeatingActions { RaiseSupplyCelsius = 3, CheckEveryHours = 12, FirstCompounds = ["old", "complaints"] },
                Tasks =
                [
                    new TaskTemplate { Kind = TaskKind.DeIcing, Title = "Brine on bridges", DueFrom = PlanMoment.Onset, DueHours = -1 },
                    new TaskTemplate { Kind = TaskKind.DeIcing, Title = "Salt bus stops", Phase = SnowPhase.Clear, DueFrom = PlanMoment.Onset, DueHours = 2 },
                    new TaskTemplate { Kind = TaskKind.PlowRoute, Title = "Clear snow piles", Phase = SnowPhase.Restore, DueFrom = PlanMoment.SnowfallEnd, DueHours = 12 },
                ],
                ServiceTargets = [new ServiceTarget { Name = "P1 clear", PriorityClass = "P1", Hours = 8 }],
            },
        ],
        Crews =
        [
            new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true },
            new CrewDefinition { Id = "spreader-2", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true, VehicleId = "spreader-2" },
            new CrewDefinition { Id = "street-1", Kinds = [TaskKind.FrontageNotice], AlwaysOnDuty = true },
            new CrewDefinition { Id = "plow-1", Kinds = [TaskKind.PlowRoute], AlwaysOnDuty = true, VehicleId = "plow-1" },
            new CrewDefinition { Id = "plow-2", Kinds = [TaskKind.PlowRoute], AlwaysOnDuty = true, VehicleId = "plow-2" },
        ],
    };

    /// <summary>Starts the bus over a migrated database holding the configured plans and crews.</summary>
    public new async Task StartAsync()
    {
        await base.StartAsync();
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<PlanStore>().SeedAsync(CancellationToken.None);
            await services.GetRequiredService<CrewRoster>().SeedAsync(CancellationToken.None);
        });
    }

    /// <summary>Waits until the database shows what is expected, or fails after a few seconds.</summary>
    public async Task<T> EventuallyAsync<T>(Func<DispatchDbContext, Task<T>> query, Func<T, bool> expected, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        T last;
        do
        {
            last = await QueryAsync(query);
            if (expected(last))
                return last;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last seen: {last}");
    }

    /// <summary>Waits until the snow event is in the state named (Proposed, Prepare, Clear, Restore, Closed).</summary>
    public async Task<SnowEvents.SnowEventState> StateAsync(Guid snowEventId, string state) =>
        (await EventuallyAsync(db => db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == snowEventId),
            e => e?.CurrentState == state, $"snow event in {state}"))!;

    /// <summary>The snow event's tasks, as stored now.</summary>
    public Task<List<Tasks.CrewTask>> TasksOfAsync(Guid snowEventId) =>
        QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.SnowEventId == snowEventId).ToListAsync());

    /// <summary>Creates one task through the real factory (a crew on duty that takes the kind gets it) and announces it on the bus.</summary>
    public async Task<CrewTask> CreateTaskAsync(TaskKind kind, string? zone = null, Guid? snowEventId = null)
    {
        var created = new List<CrewTask>();
        await WithServicesAsync(async services => created.AddRange(await services.GetRequiredService<CrewTaskFactory>().CreateAsync(
            snowEventId ?? Guid.Empty,
            [new CrewTaskFactory.NewTask($"spec:{Guid.NewGuid():N}", kind, $"{kind} work", null, null, DateTimeOffset.UtcNow.AddHours(4), Zone: zone)],
            Harness.Bus, CancellationToken.None)));
        return created.Single();
    }

    /// <summary>Puts a standing crew on the roster, besides the configured ones.</summary>
    public Task AddCrewAsync(string id, TaskKind kind, string? zone = null) => QueryAsync(db =>
    {
        db.Crews.Add(new Crew { Id = id, Name = id, Kinds = [kind], Zone = zone, AlwaysOnDuty = true });
        return db.SaveChangesAsync();
    });

    public Task<CrewTask> TaskAsync(Guid id) => QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    /// <summary>The state changes published for a task, in the order they happened.</summary>
    public IReadOnlyList<TaskStateChanged> StateChanges(Guid taskId) =>
        [.. Harness.Published.Select<TaskStateChanged>().Select(m => m.Context.Message)
            .Concat(Harness.Published.Select<TaskStateChanges>().SelectMany(m => m.Context.Message.Changes))
            .Where(m => m.TaskId == taskId).OrderBy(m => m.Changed)];

    /// <summary>Lets every message in flight be consumed before the test looks.</summary>
    public Task SettleAsync() => Harness.QuietAsync();

    /// <summary>One sweep of the dispatch clock, as the Quartz job runs it; then what it published is consumed.</summary>
    public async Task TickAsync()
    {
        await WithServicesAsync(services => services.GetRequiredService<DispatchClock>().TickAsync(CancellationToken.None));
        await SettleAsync();
    }

    /// <summary>Opens a snow event with a plan and activates it, and waits until it is in prepare with its plan's work sent out.</summary>
    public async Task<Guid> ActivateAsync(string plan, DateTimeOffset at, DateTimeOffset? onset = null, DateTimeOffset? expires = null, Guid? alertId = null)
    {
        var id = Guid.NewGuid();
        await DeliverAsync(new ProposeSnowEvent(id, alertId, Hazard.Snowstorm, AlertLevel.Orange, "Heavy snow", plan, at, Onset: onset, Expires: expires));
        await DeliverAsync(new ActivateSnowEvent(id, "ana", at));
        await EventuallyAsync(db => db.SnowEvents.AsNoTracking().SingleAsync(e => e.CorrelationId == id), e => e.CurrentState == "Prepare", "prepare");
        return id;
    }

    public Task<List<CrewTask>> TasksAsync(Guid snowEventId) =>
        QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.SnowEventId == snowEventId).OrderBy(t => t.SourceKey).ToListAsync());

    public Task<SnowEventState> SnowEventAsync(Guid id) =>
        QueryAsync(db => db.SnowEvents.AsNoTracking().SingleAsync(e => e.CorrelationId == id));

    sealed class StaticOptions(DispatchOptions value) : IOptionsMonitor<DispatchOptions>
    {
        public DispatchOptions CurrentValue => value;
        public DispatchOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<DispatchOptions, string?> listener) => null;
    }
}
