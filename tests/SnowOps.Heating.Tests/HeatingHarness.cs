using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Heating.Data;
using SnowOps.Heating.Readings;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests;

/// <summary>Heating's consumer on MassTransit's in-memory harness, over a real SQLite file.</summary>
public sealed class HeatingHarness : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-" + Guid.NewGuid().ToString("N"));
    readonly ServiceProvider _services;

    public HeatingHarness(Action<MeasuringMethod>? configure = null)
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<MeasuringMethod>(method => configure?.Invoke(method));
        services.AddDbContext<HeatingDbContext, HeatingSqliteContext>(o =>
            DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "heating.db")));
        services.AddMassTransitTestHarness(HeatingModule.AddConsumers);
        _services = services.BuildServiceProvider();
        Harness = _services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public async Task StartAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HeatingDbContext>().Database.MigrateAsync();
        await Harness.Start();
    }

    /// <summary>Publishes one message and lets it be consumed before returning.</summary>
    public async Task DeliverAsync<T>(T message)
        where T : class
    {
        await Harness.Bus.Publish(message);
        await Harness.QuietAsync();
    }

    public async Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeatingDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
