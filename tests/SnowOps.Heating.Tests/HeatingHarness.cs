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
        services.AddMassTransitTestHarness(bus =>
        {
            HeatingModule.AddConsumers(bus);
            // The harness's message lists block a first look until the bus has been idle this long (1.2 s by default).
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200));
        });
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

    /// <summary>
    /// Delivers the messages one at a time, in the order given: each is consumed (or has failed) before the
    /// next is sent; then the bus is left to go quiet.
    /// </summary>
    public async Task DeliverAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            var consumed = ConsumedCount();
            await Harness.Bus.Publish(message);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (ConsumedCount() == consumed)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{message.GetType().Name} was not consumed.");
                await Task.Delay(10);
            }
        }
        await Harness.QuietAsync();
    }

    /// <summary>What has been consumed so far (a cancelled token makes the harness list answer without waiting for more).</summary>
    int ConsumedCount() => Harness.Consumed.Select(_ => true, new CancellationToken(canceled: true)).Count();

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
