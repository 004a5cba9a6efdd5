using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;
using SnowOps.Testing;

namespace SnowOps.Dispatch.Tests;

/// <summary>Dispatch's consumers and saga on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class DispatchHarness() : ModuleHarness<DispatchDbContext, DispatchSqliteContext>(DispatchModule.AddConsumers, services =>
{
    services.AddSingleton<IOptionsMonitor<DispatchOptions>>(new StaticOptions(Options));
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
        ],
        Crews =
        [
            new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true },
            new CrewDefinition { Id = "spreader-2", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true },
            new CrewDefinition { Id = "street-1", Kinds = [TaskKind.FrontageNotice], AlwaysOnDuty = true },
            new CrewDefinition { Id = "plow-1", Kinds = [TaskKind.PlowRoute], AlwaysOnDuty = true },
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
        [.. Harness.Published.Select<TaskStateChanged>().Select(m => m.Context.Message).Where(m => m.TaskId == taskId).OrderBy(m => m.Changed)];

    /// <summary>Lets every message in flight be consumed before the test looks.</summary>
    public Task SettleAsync() => Harness.QuietAsync();

    sealed class StaticOptions(DispatchOptions value) : IOptionsMonitor<DispatchOptions>
    {
        public DispatchOptions CurrentValue => value;
        public DispatchOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<DispatchOptions, string?> listener) => null;
    }
}
