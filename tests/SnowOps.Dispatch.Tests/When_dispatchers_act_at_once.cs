using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

/// <summary>Orders racing on one event: the saga's version makes them take turns, and the outcome is one the phases allow.</summary>
public sealed class When_dispatchers_act_at_once : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _id = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.DeliverAsync(
            new ProposeSnowEvent(_id, null, Hazard.Snowstorm, AlertLevel.Orange, "Heavy snow", "snow-severe", DateTimeOffset.UtcNow, 1, "ana"),
            new ActivateSnowEvent(_id, "ana", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Prepare");
        await _dispatch.SettleAsync();
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_apply_racing_orders_one_at_a_time_and_record_each_phase_once_in_order()
    {
        var now = DateTimeOffset.UtcNow;
        object[] orders =
        [
            new AdvanceSnowEvent(_id, SnowPhase.Clear, "bo", now),
            new AdvanceSnowEvent(_id, SnowPhase.Clear, "cy", now),
            new MarkSnowStopped(_id, now, "dee", now),
            new AdvanceSnowEvent(_id, SnowPhase.Restore, "bo", now),
            new ActivateSnowEvent(_id, "eve", now),
            new MarkSnowStopped(_id, now, "cy", now),
        ];

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => orders).Select(o => _dispatch.Harness.Bus.Publish(o)));
        await _dispatch.SettleAsync();

        var snowEvent = await _dispatch.StateAsync(_id, "Restore");
        Assert.Equal("ana", snowEvent.ActivatedBy);
        var phases = _dispatch.Harness.Published.Select<SnowEventPhaseChanged>().Select(m => m.Context.Message.Phase).ToList();
        Assert.Equal(phases.Distinct(), phases);
        Assert.Equal(phases.Order(), phases);
        Assert.Single(_dispatch.Harness.Published.Select<SnowEventActivated>());
        // Restore's work went out once however many orders raced to start it.
        Assert.Single(await _dispatch.TasksOfAsync(_id), t => t.Title == "Clear snow piles");
        var timeline = await _dispatch.QueryAsync(db => db.Timeline.AsNoTracking().Where(t => t.SnowEventId == _id && t.Key.StartsWith("phase:")).CountAsync());
        Assert.Equal(phases.Count, timeline);
    }

    [Fact]
    public async Task Should_stand_a_proposed_event_down_and_ignore_its_activation_afterwards()
    {
        var proposed = Guid.NewGuid();
        await _dispatch.DeliverAsync(
            new ProposeSnowEvent(proposed, null, Hazard.Snowstorm, AlertLevel.Yellow, "Light snow", "snow", DateTimeOffset.UtcNow, 1, "ana"),
            new StandDownSnowEvent(proposed, "forecast changed", "bo", DateTimeOffset.UtcNow),
            new ActivateSnowEvent(proposed, "cy", DateTimeOffset.UtcNow));

        var closed = await _dispatch.StateAsync(proposed, "Closed");
        Assert.Null(closed.Activated);
        Assert.Empty(await _dispatch.TasksOfAsync(proposed));
    }

    [Fact]
    public async Task Should_send_the_new_plans_restore_work_when_a_restoring_event_is_escalated()
    {
        var light = Guid.NewGuid();
        await _dispatch.DeliverAsync(
            new ProposeSnowEvent(light, null, Hazard.Snowstorm, AlertLevel.Yellow, "Light snow", "snow", DateTimeOffset.UtcNow, 1, "ana"),
            new ActivateSnowEvent(light, "ana", DateTimeOffset.UtcNow),
            new MarkSnowStopped(light, DateTimeOffset.UtcNow, "bo", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(light, "Restore");

        await _dispatch.DeliverAsync(new EscalateSnowEvent(light, null, Hazard.Snowstorm, AlertLevel.Orange, "More snow", "snow-severe", 1, null, null,
            "system", DateTimeOffset.UtcNow));
        await _dispatch.SettleAsync();

        var titles = (await _dispatch.TasksOfAsync(light)).Select(t => t.Title).ToList();
        Assert.Contains("Brine on bridges", titles);
        Assert.Contains("Salt bus stops", titles);
        Assert.Contains("Clear snow piles", titles);
        Assert.Equal(AlertLevel.Orange, (await _dispatch.StateAsync(light, "Restore")).Level);
    }
}
