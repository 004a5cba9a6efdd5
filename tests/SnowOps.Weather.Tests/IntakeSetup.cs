using SnowOps.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;

namespace SnowOps.Weather.Tests;

/// <summary>Weather's intake and expiry over a real SQLite file (migrated) and MassTransit's in-memory harness.</summary>
public sealed class IntakeSetup(TimeProvider clock, WeatherOptions options) : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-weather-" + Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public ITestHarness Harness { get; private set; } = null!;

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock);
        services.AddSingleton(Options.Create(options));
        services.AddDbContext<WeatherDbContext, WeatherSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "weather.db")));
        OutboxRegistration.AddOutbox(services);
        services.AddScoped<AlertIntake>();
        services.AddScoped<ZoneMatcher>();
        services.AddScoped<AlertExpiry>();
        services.AddMassTransitTestHarness();
        Services = services.BuildServiceProvider();
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Database.MigrateAsync();
        Harness = Services.GetRequiredService<ITestHarness>();
        await Harness.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
