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
