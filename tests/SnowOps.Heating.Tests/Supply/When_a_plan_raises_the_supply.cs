using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;

namespace SnowOps.Heating.Tests.Supply;

/// <summary>A snow event's plan raises the supply water on top of the curve while the event lasts, never past the cap.</summary>
public sealed class When_a_plan_raises_the_supply : IAsyncLifetime
{
    readonly SupplyApi _api = new();
    readonly Guid _event = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.AddStationsAsync("north-heat", null, "st-1");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    HeatingActionsRequested Raise(double celsius, double hoursLater = 0) =>
        new(_event, Hazard.ColdWave, AlertLevel.Orange, celsius, 12, ["old"], [], _api.Now.AddHours(hoursLater));

    async Task ForecastAsync(double celsius) =>
        (await _api.ForecastAsync(_api.Now.AddHours(-1), _api.Now, Enumerable.Repeat(celsius, 12).ToArray())).EnsureSuccessStatusCode();

    [Fact]
    public async Task Should_add_the_raise_on_top_of_the_curve_once()
    {
        await ForecastAsync(-5);

        await _api.DeliverAsync(Raise(6));
        await _api.DeliverAsync(Raise(6));

        Assert.Equal([70.0, 76.0], _api.Advised().Select(a => a.SupplyCelsius));
        var kept = await _api.QueryAsync(db => db.SupplyAdvice.SingleAsync());
        Assert.Equal((70.0, 6.0, _event, false), (kept.CurveCelsius, kept.RaiseCelsius, kept.RaiseSnowEventId, kept.Capped));
    }

    [Fact]
    public async Task Should_cap_the_raised_supply()
    {
        await ForecastAsync(-15);

        await _api.DeliverAsync(Raise(15));

        Assert.Equal([85.0, 95.0], _api.Advised().Select(a => a.SupplyCelsius));
        var kept = await _api.QueryAsync(db => db.SupplyAdvice.SingleAsync());
        Assert.Equal((15.0, 95.0, true), (kept.RaiseCelsius, kept.CapCelsius, kept.Capped));
    }

    [Fact]
    public async Task Should_drop_the_raise_when_the_event_closes_and_ignore_an_older_request()
    {
        await ForecastAsync(-5);
        await _api.DeliverAsync(Raise(6, hoursLater: 1));

        await _api.DeliverAsync(Raise(12, hoursLater: 0));
        await _api.DeliverAsync(new SnowEventPhaseChanged(_event, SnowPhase.Closed, "system", _api.Now.AddHours(2)));
        await _api.DeliverAsync(new SnowEventPhaseChanged(_event, SnowPhase.Closed, "system", _api.Now.AddHours(2)));

        Assert.Equal([70.0, 76.0, 70.0], _api.Advised().Select(a => a.SupplyCelsius));
    }

    [Fact]
    public async Task Should_not_start_a_raise_for_an_event_that_already_closed()
    {
        await ForecastAsync(-5);

        await _api.DeliverAsync(new SnowEventPhaseChanged(_event, SnowPhase.Closed, "system", _api.Now.AddHours(2)));
        await _api.DeliverAsync(Raise(6));

        Assert.Equal([70.0], _api.Advised().Select(a => a.SupplyCelsius));
    }
}
