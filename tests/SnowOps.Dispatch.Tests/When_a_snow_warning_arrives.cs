using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_snow_warning_arrives : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    static WeatherAlertIssued Alert(Hazard hazard = Hazard.Snowstorm, AlertLevel level = AlertLevel.Yellow) =>
        new(Guid.NewGuid(), "id-1", "met@example.org", hazard, level, "Snow", "Snow warning", "District", null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2), DateTimeOffset.UtcNow.AddHours(20), ["district-1"]);

    [Fact]
    public async Task Should_propose_a_snow_event_with_the_matching_plan()
    {
        var alert = Alert();
        await _dispatch.Harness.Bus.Publish(alert);

        var snowEvent = await _dispatch.EventuallyAsync(
            db => db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.AlertId == alert.AlertId),
            e => e?.CurrentState == "Proposed", "a proposed snow event");
        Assert.Equal("snow", snowEvent!.PlanName);
        Assert.Equal(SnowEventIds.ForAlert(alert.AlertId), snowEvent.CorrelationId);
        Assert.True(await _dispatch.Harness.Published.Any<SnowEventProposed>(m => m.Context.Message.SnowEventId == snowEvent.CorrelationId));
    }

    [Fact]
    public async Task Should_open_one_event_when_the_warning_is_delivered_twice()
    {
        var alert = Alert();
        await _dispatch.Harness.Bus.Publish(alert);
        await _dispatch.Harness.Bus.Publish(alert);
        await _dispatch.SettleAsync();

        var events = await _dispatch.QueryAsync(db => db.SnowEvents.CountAsync(e => e.AlertId == alert.AlertId));
        Assert.Equal(1, events);
        Assert.Single(_dispatch.Harness.Published.Select<SnowEventProposed>());
    }

    [Fact]
    public async Task Should_open_nothing_for_a_hazard_no_plan_answers()
    {
        var alert = Alert(Hazard.Other, AlertLevel.Red);
        await _dispatch.Harness.Bus.Publish(alert);
        await _dispatch.SettleAsync();

        Assert.Equal(0, await _dispatch.QueryAsync(db => db.SnowEvents.CountAsync()));
        Assert.False(await _dispatch.Harness.Published.Any<SnowEventProposed>());
    }

    [Fact]
    public async Task Should_close_a_proposed_event_when_the_warning_is_cancelled()
    {
        var alert = Alert();
        await _dispatch.Harness.Bus.Publish(alert);
        var id = SnowEventIds.ForAlert(alert.AlertId);
        await _dispatch.EventuallyAsync(db => db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id),
            e => e?.CurrentState == "Proposed", "a proposed snow event");

        await _dispatch.Harness.Bus.Publish(new WeatherAlertCancelled(alert.AlertId, DateTimeOffset.UtcNow));

        await _dispatch.EventuallyAsync(db => db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id),
            e => e?.CurrentState == "Closed", "the event closed");
        Assert.True(await _dispatch.Harness.Published.Any<SnowEventPhaseChanged>(m => m.Context.Message.Phase == SnowPhase.Closed));
    }
}

public sealed class When_a_plan_covers_some_zones : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new(options: new Plans.DispatchOptions
    {
        Plans =
        [
            new Plans.PlanTemplate { Name = "city", Hazards = [Hazard.Snowstorm], MinLevel = AlertLevel.Blue },
            new Plans.PlanTemplate { Name = "hills", Hazards = [Hazard.Snowstorm], MinLevel = AlertLevel.Blue, Zones = ["west-hills"] },
        ],
    });

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    async Task<string> PlanForAsync(params string[] zones)
    {
        var alert = new WeatherAlertIssued(Guid.NewGuid(), "id-1", "met@example.org", Hazard.Snowstorm, AlertLevel.Yellow, "Snow", "Snow", "District",
            null, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow.AddHours(20), zones);
        await _dispatch.DeliverAsync(alert);
        return (await _dispatch.StateAsync(SnowEventIds.ForAlert(alert.AlertId), "Proposed")).PlanName;
    }

    [Fact]
    public async Task Should_answer_a_warning_for_its_zones_with_the_zones_plan_and_any_other_with_the_citys()
    {
        Assert.Equal("hills", await PlanForAsync("west-hills", "centre"));
        Assert.Equal("city", await PlanForAsync("centre"));
        Assert.Equal("city", await PlanForAsync());
    }
}
