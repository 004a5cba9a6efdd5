using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Testing;

namespace SnowOps.Dispatch.Tests;

/// <summary>Dispatch's consumers and saga on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class DispatchHarness : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-dispatch-" + Guid.NewGuid().ToString("N"));
    readonly ServiceProvider _services;

    public DispatchHarness()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOptionsMonitor<DispatchOptions>>(new StaticOptions(Options));
        services.AddDbContext<DispatchDbContext, DispatchSqliteContext>(o =>
            DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "dispatch.db")));
        services.AddScoped<CrewAssigner>();
        services.AddScoped<CrewTaskFactory>();
        services.AddMassTransitTestHarness(DispatchModule.AddConsumers);
        _services = services.BuildServiceProvider();
        Harness = _services.GetRequiredService<ITestHarness>();
    }

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
            new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing] },
            new CrewDefinition { Id = "spreader-2", Kinds = [TaskKind.DeIcing] },
            new CrewDefinition { Id = "street-1", Kinds = [TaskKind.FrontageNotice] },
            new CrewDefinition { Id = "plow-1", Kinds = [TaskKind.PlowRoute] },
        ],
    };

    public ITestHarness Harness { get; }

    public async Task StartAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DispatchDbContext>().Database.MigrateAsync();
        await Harness.Start();
    }

    public async Task<T> QueryAsync<T>(Func<DispatchDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DispatchDbContext>());
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

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    sealed class StaticOptions(DispatchOptions value) : IOptionsMonitor<DispatchOptions>
    {
        public DispatchOptions CurrentValue => value;
        public DispatchOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<DispatchOptions, string?> listener) => null;
    }
}
