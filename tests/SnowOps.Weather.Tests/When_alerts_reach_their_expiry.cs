using System.Text;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;
using SnowOps.Weather.Zones;

namespace SnowOps.Weather.Tests;

public sealed class When_alerts_reach_their_expiry : IAsyncLifetime
{
    readonly Clock _clock = new();

    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    IntakeSetup _setup = null!;

    ServiceProvider Services => _setup.Services;

    ITestHarness Harness => _setup.Harness;

    public Task InitializeAsync()
    {
        _setup = new IntakeSetup(_clock, new WeatherOptions());
        return _setup.StartAsync();
    }

    public Task DisposeAsync() => _setup.DisposeAsync().AsTask();

    async Task<IntakeResult> TakeAsync(string file)
    {
        await using var scope = Services.CreateAsyncScope();
        var document = await File.ReadAllTextAsync(Samples.Path_("cap", file));
        var cap = CapParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        return await scope.ServiceProvider.GetRequiredService<AlertIntake>().AcceptAsync(cap, document, "application/cap+xml", default);
    }

    async Task<int> ExpireAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertExpiry>().ExpireDueAsync(default);
    }

    async Task<AlertState> StateAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
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
        var expired = Assert.Single(Harness.Published.Select<WeatherAlertExpired>()).Context.Message;
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
        Assert.Equal(original.AlertId, Assert.Single(Harness.Published.Select<WeatherAlertExpired>()).Context.Message.AlertId);
    }
}
