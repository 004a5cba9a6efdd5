using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;

namespace SnowOps.Weather.Tests;

public sealed class When_alerts_reach_their_expiry : IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-expiry-" + Guid.NewGuid().ToString("N"));
    readonly Clock _clock = new();
    ServiceProvider _services = null!;
    ITestHarness _harness = null!;

    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(Options.Create(new WeatherOptions()));
        services.AddDbContext<WeatherDbContext, WeatherSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "weather.db")));
        services.AddScoped<AlertIntake>();
        services.AddScoped<ZoneMatcher>();
        services.AddScoped<AlertExpiry>();
        services.AddMassTransitTestHarness();
        _services = services.BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Database.MigrateAsync();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    async Task<IntakeResult> TakeAsync(string file)
    {
        await using var scope = _services.CreateAsyncScope();
        var document = await File.ReadAllTextAsync(Samples.Path_("cap", file));
        var cap = CapParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        return await scope.ServiceProvider.GetRequiredService<AlertIntake>().AcceptAsync(cap, document, "application/cap+xml", default);
    }

    async Task<int> ExpireAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertExpiry>().ExpireDueAsync(default);
    }

    async Task<AlertState> StateAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WeatherDbContext>().Alerts.AsNoTracking().SingleAsync(a => a.Id == id)).State;
    }

    [Fact]
    public async Task Should_end_an_alert_at_its_expiry_once()
    {
        // The DWD light-snow warning expires 2018-12-12T18:00+01:00.
        _clock.Now = new DateTimeOffset(2018, 12, 12, 12, 0, 0, TimeSpan.Zero);
        var alert = await TakeAsync("dwd-leichter-schneefall-alert.xml");

        Assert.Equal(0, await ExpireAsync());
        Assert.Equal(AlertState.Active, await StateAsync(alert.AlertId));

        _clock.Now = new DateTimeOffset(2018, 12, 12, 17, 0, 1, TimeSpan.Zero);
        Assert.Equal(1, await ExpireAsync());
        Assert.Equal(0, await ExpireAsync());

        Assert.Equal(AlertState.Expired, await StateAsync(alert.AlertId));
        var expired = Assert.Single(_harness.Published.Select<WeatherAlertExpired>()).Context.Message;
        Assert.Equal(alert.AlertId, expired.AlertId);
        Assert.Equal(new DateTimeOffset(2018, 12, 12, 18, 0, 0, TimeSpan.FromHours(1)), expired.Expired);
    }

    [Fact]
    public async Task Should_expire_the_current_alert_of_an_update_chain_under_the_first_alerts_id()
    {
        _clock.Now = new DateTimeOffset(2019, 1, 23, 6, 0, 0, TimeSpan.Zero);
        var original = await TakeAsync("dwd-glaette-alert.xml");
        var update = await TakeAsync("dwd-glaette-update-1.xml");

        _clock.Now = new DateTimeOffset(2019, 1, 24, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await ExpireAsync());

        Assert.Equal(AlertState.Superseded, await StateAsync(original.AlertId));
        Assert.Equal(AlertState.Expired, await StateAsync(update.AlertId));
        Assert.Equal(original.AlertId, Assert.Single(_harness.Published.Select<WeatherAlertExpired>()).Context.Message.AlertId);
    }
}
