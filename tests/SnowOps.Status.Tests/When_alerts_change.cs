using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Testing;

namespace SnowOps.Status.Tests;

public sealed class When_alerts_change : IAsyncLifetime
{
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _status = new(StatusModule.AddConsumers);
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => _status.StartAsync();

    public Task DisposeAsync() => _status.DisposeAsync().AsTask();

    static WeatherAlertIssued Issued(Guid id) =>
        new(id, "id", "met", Hazard.Snowstorm, AlertLevel.Yellow, "Snow", "Snow", null, null, T0, T0.AddHours(1), T0.AddHours(12), []);

    Task<Projections.AlertRow> RowAsync(Guid id) => _status.QueryAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.AlertId == id));

    [Fact]
    public async Task Should_raise_the_level_an_update_raises_and_keep_the_alert_active()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Issued(id),
            new WeatherAlertUpdated(id, "id-2", Hazard.Snowstorm, AlertLevel.Orange, "Heavier snow", null, T0.AddHours(1), T0.AddHours(1), T0.AddHours(18), []));

        var row = await RowAsync(id);
        Assert.Equal(AlertLevel.Orange, row.Level);
        Assert.True(row.Active);
        Assert.NotNull(row.Projected);
    }

    [Fact]
    public async Task Should_take_an_expired_alert_off_the_active_list()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Issued(id), new WeatherAlertExpired(id, T0.AddHours(12)));

        Assert.False((await RowAsync(id)).Active);
    }

    [Fact]
    public async Task Should_keep_a_cancelled_alert_inactive_when_its_issue_arrives_late()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(new WeatherAlertCancelled(id, T0.AddHours(2)), Issued(id));

        var row = await RowAsync(id);
        Assert.False(row.Active);
        Assert.Equal(AlertLevel.Yellow, row.Level);
    }
}
