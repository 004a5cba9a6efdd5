using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

/// <summary>Update alerts widen the plan, Cancel alerts stand the event down, the warning's end starts restore.</summary>
public sealed class When_a_warning_changes : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _alertId = Guid.NewGuid();
    Guid Id => SnowEventIds.ForAlert(_alertId);

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    WeatherAlertIssued Issued(AlertLevel level) =>
        new(_alertId, "w-1", "met@example.org", Hazard.Snowstorm, level, "Snow", "Snow warning", "District", null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2), DateTimeOffset.UtcNow.AddHours(20), ["district-1"]);

    WeatherAlertUpdated Updated(AlertLevel level, DateTimeOffset? expires = null) =>
        new(_alertId, "w-2", Hazard.Snowstorm, level, "Snow warning raised", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1),
            expires ?? DateTimeOffset.UtcNow.AddHours(30), ["district-1"]);

    async Task ActiveAsync(AlertLevel level)
    {
        await _dispatch.DeliverAsync(Issued(level));
        await _dispatch.StateAsync(Id, "Proposed");
        await _dispatch.DeliverAsync(new ActivateSnowEvent(Id, "ana", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(Id, "Prepare");
    }

    [Fact]
    public async Task Should_widen_an_active_plan_when_the_level_is_raised_keeping_the_work_already_out()
    {
        await ActiveAsync(AlertLevel.Yellow);
        var before = await _dispatch.TasksOfAsync(Id);

        await _dispatch.DeliverAsync(Updated(AlertLevel.Orange));
        await _dispatch.SettleAsync();

        var snowEvent = await _dispatch.StateAsync(Id, "Prepare");
        Assert.Equal(AlertLevel.Orange, snowEvent.Level);
        Assert.Equal("snow-severe", snowEvent.PlanName);
        var after = await _dispatch.TasksOfAsync(Id);
        Assert.All(before, t => Assert.Contains(after, a => a.Id == t.Id && a.State == TaskState.Assigned));
        Assert.Contains(after, t => t.Title == "Brine on bridges");
        var escalated = Assert.Single(_dispatch.Harness.Published.Select<SnowEventEscalated>()).Context.Message;
        Assert.Equal((AlertLevel.Yellow, AlertLevel.Orange), (escalated.PreviousLevel, escalated.Level));
        var requests = _dispatch.Harness.Published.Select<PlowRoutesRequested>().Select(m => m.Context.Message).ToList();
        Assert.Equal([["P1"], ["P1", "P2"]], requests.Select(r => r.PriorityClasses.ToList()));
    }

    [Fact]
    public async Task Should_not_narrow_the_plan_when_the_level_is_lowered()
    {
        await ActiveAsync(AlertLevel.Orange);

        await _dispatch.DeliverAsync(Updated(AlertLevel.Yellow));

        var snowEvent = await _dispatch.StateAsync(Id, "Prepare");
        Assert.Equal(AlertLevel.Orange, snowEvent.Level);
        Assert.Equal("snow-severe", snowEvent.PlanName);
        Assert.False(await _dispatch.Harness.Published.Any<SnowEventEscalated>());
    }

    [Fact]
    public async Task Should_activate_by_itself_at_the_plans_auto_activation_level()
    {
        await _dispatch.DeliverAsync(Issued(AlertLevel.Red));

        var snowEvent = await _dispatch.StateAsync(Id, "Prepare");
        Assert.Equal("system (plan activates at Red)", snowEvent.ActivatedBy);
        Assert.Contains(await _dispatch.TasksOfAsync(Id), t => t.Title == "Brine on bridges");
    }

    [Fact]
    public async Task Should_activate_by_itself_when_an_update_raises_a_proposed_event_to_red()
    {
        await _dispatch.DeliverAsync(Issued(AlertLevel.Orange));
        await _dispatch.StateAsync(Id, "Proposed");

        await _dispatch.DeliverAsync(Updated(AlertLevel.Red));

        var snowEvent = await _dispatch.StateAsync(Id, "Prepare");
        Assert.Equal(AlertLevel.Red, snowEvent.Level);
        Assert.StartsWith("system", snowEvent.ActivatedBy);
    }

    [Fact]
    public async Task Should_open_an_event_when_an_update_raises_a_warning_no_plan_answered_before()
    {
        await _dispatch.DeliverAsync(Issued(AlertLevel.Unknown));
        Assert.Equal(0, await _dispatch.QueryAsync(db => db.SnowEvents.CountAsync()));

        await _dispatch.DeliverAsync(Updated(AlertLevel.Orange));

        var snowEvent = await _dispatch.StateAsync(Id, "Proposed");
        Assert.Equal(("snow-severe", Hazard.Snowstorm, _alertId), (snowEvent.PlanName, snowEvent.Hazard, snowEvent.AlertId));
    }

    [Fact]
    public async Task Should_stand_an_active_event_down_when_the_warning_is_cancelled()
    {
        await ActiveAsync(AlertLevel.Yellow);

        await _dispatch.DeliverAsync(new WeatherAlertCancelled(_alertId, DateTimeOffset.UtcNow));

        var closed = await _dispatch.StateAsync(Id, "Closed");
        Assert.Equal(("system", "stood down: the warning was cancelled"), (closed.ClosedBy, closed.CloseReason));
        Assert.All(await _dispatch.TasksOfAsync(Id), t => Assert.Equal(TaskState.Cancelled, t.State));
    }

    [Fact]
    public async Task Should_start_restore_at_the_warnings_end_and_keep_a_later_update_from_reopening_it()
    {
        await ActiveAsync(AlertLevel.Yellow);
        var end = DateTimeOffset.UtcNow.AddMinutes(-1);

        await _dispatch.DeliverAsync(new WeatherAlertExpired(_alertId, end));
        await _dispatch.DeliverAsync(new WeatherAlertExpired(_alertId, end));

        var restore = await _dispatch.StateAsync(Id, "Restore");
        Assert.Equal(end, restore.SnowfallEnded!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(SnowEventStateMachine.System, restore.SnowfallEndedBy);
        Assert.Single(_dispatch.Harness.Published.Select<SnowfallEnded>());
    }

    [Fact]
    public async Task Should_close_a_proposed_event_whose_warning_expired()
    {
        await _dispatch.DeliverAsync(Issued(AlertLevel.Yellow));
        await _dispatch.StateAsync(Id, "Proposed");

        await _dispatch.DeliverAsync(new WeatherAlertExpired(_alertId, DateTimeOffset.UtcNow));

        var closed = await _dispatch.StateAsync(Id, "Closed");
        Assert.Null(closed.Activated);
        Assert.Equal("the warning expired before the event was activated", closed.CloseReason);
    }

    [Fact]
    public async Task Should_ignore_orders_for_an_event_that_does_not_exist()
    {
        var unknown = Guid.NewGuid();
        await _dispatch.DeliverAsync(
            new ActivateSnowEvent(unknown, "ana", DateTimeOffset.UtcNow),
            new AdvanceSnowEvent(unknown, SnowPhase.Clear, "ana", DateTimeOffset.UtcNow),
            new StandDownSnowEvent(unknown, "x", "ana", DateTimeOffset.UtcNow));

        Assert.Equal(0, await _dispatch.QueryAsync(db => db.SnowEvents.CountAsync()));
        Assert.False(await _dispatch.Harness.Published.Any<SnowEventPhaseChanged>());
    }
}
