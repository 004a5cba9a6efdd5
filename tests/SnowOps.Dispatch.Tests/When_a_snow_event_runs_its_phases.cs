using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

/// <summary>Prepare → clear → restore → closed, each phase sending its work, each step on the timeline with who and when.</summary>
public sealed class When_a_snow_event_runs_its_phases : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _id = Guid.NewGuid();
    readonly DateTimeOffset _onset = DateTimeOffset.UtcNow.AddHours(3);

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.DeliverAsync(
            new ProposeSnowEvent(_id, null, Hazard.Snowstorm, AlertLevel.Orange, "Heavy snow", "snow-severe", DateTimeOffset.UtcNow, 1, "ana", _onset,
                _onset.AddHours(10)),
            new ActivateSnowEvent(_id, "ana", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Prepare");
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task AdvanceAsync(SnowPhase phase, string by = "bo") => _dispatch.DeliverAsync(new AdvanceSnowEvent(_id, phase, by, DateTimeOffset.UtcNow));

    [Fact]
    public async Task Should_send_the_prepare_work_with_brine_due_before_the_onset_and_ask_for_routes_and_heating()
    {
        await _dispatch.SettleAsync();
        var tasks = await _dispatch.TasksOfAsync(_id);

        var brine = Assert.Single(tasks);
        Assert.Equal("Brine on bridges", brine.Title);
        Assert.Equal(_onset.AddHours(-1), brine.Due!.Value, TimeSpan.FromSeconds(1));
        var request = Assert.Single(_dispatch.Harness.Published.Select<PlowRoutesRequested>()).Context.Message;
        Assert.Equal(["P1", "P2"], request.PriorityClasses);
        Assert.Equal(3, request.Vehicles);
        var heating = Assert.Single(_dispatch.Harness.Published.Select<HeatingActionsRequested>()).Context.Message;
        Assert.Equal(3, heating.RaiseSupplyCelsius);
        Assert.Equal(["old", "complaints"], heating.FirstCompounds);
    }

    [Fact]
    public async Task Should_send_each_phases_work_when_the_event_moves_forward()
    {
        await AdvanceAsync(SnowPhase.Clear);
        var clear = await _dispatch.StateAsync(_id, "Clear");
        Assert.Contains(await _dispatch.TasksOfAsync(_id), t => t.Title == "Salt bus stops");
        Assert.NotNull(clear.ClearStarted);

        var stopped = DateTimeOffset.UtcNow.AddMinutes(-20);
        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, stopped, "bo", DateTimeOffset.UtcNow));
        var restore = await _dispatch.StateAsync(_id, "Restore");
        Assert.Equal(stopped, restore.SnowfallEnded!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("bo", restore.SnowfallEndedBy);
        var piles = Assert.Single(await _dispatch.TasksOfAsync(_id), t => t.Title == "Clear snow piles");
        Assert.Equal(stopped.AddHours(12), piles.Due!.Value, TimeSpan.FromSeconds(1));
        Assert.True(await _dispatch.Harness.Published.Any<SnowfallEnded>(m => m.Context.Message.Ended == stopped && m.Context.Message.MarkedBy == "bo"));

        await AdvanceAsync(SnowPhase.Closed, "cy");
        var closed = await _dispatch.StateAsync(_id, "Closed");
        Assert.Equal("cy", closed.ClosedBy);
        Assert.All(await _dispatch.TasksOfAsync(_id), t => Assert.Equal(TaskState.Cancelled, t.State));
    }

    [Fact]
    public async Task Should_never_move_backwards_or_skip_to_closed()
    {
        await AdvanceAsync(SnowPhase.Closed);
        await AdvanceAsync(SnowPhase.Prepare);
        Assert.Equal("Prepare", (await _dispatch.StateAsync(_id, "Prepare")).CurrentState);

        await AdvanceAsync(SnowPhase.Restore);
        await _dispatch.StateAsync(_id, "Restore");
        await AdvanceAsync(SnowPhase.Clear);
        await _dispatch.DeliverAsync(new ActivateSnowEvent(_id, "dee", DateTimeOffset.UtcNow));

        var snowEvent = await _dispatch.StateAsync(_id, "Restore");
        Assert.Equal("ana", snowEvent.ActivatedBy);
        Assert.Single(_dispatch.Harness.Published.Select<SnowEventActivated>());
    }

    [Fact]
    public async Task Should_start_the_snowfall_clock_when_restore_begins_if_nobody_marked_the_end()
    {
        await AdvanceAsync(SnowPhase.Clear);
        await AdvanceAsync(SnowPhase.Restore);

        var restore = await _dispatch.StateAsync(_id, "Restore");
        Assert.NotNull(restore.SnowfallEnded);
        Assert.Equal("bo", restore.SnowfallEndedBy);
    }

    [Fact]
    public async Task Should_let_a_dispatchers_mark_correct_the_end_the_warning_gave()
    {
        var alertEnd = DateTimeOffset.UtcNow.AddMinutes(-30);
        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, alertEnd, SnowEventStateMachine.System, DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Restore");

        var marked = alertEnd.AddMinutes(-50);
        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, marked, "bo", DateTimeOffset.UtcNow));
        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, alertEnd, SnowEventStateMachine.System, DateTimeOffset.UtcNow));

        var restore = await _dispatch.StateAsync(_id, "Restore");
        Assert.Equal(marked, restore.SnowfallEnded!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("bo", restore.SnowfallEndedBy);
    }

    [Fact]
    public async Task Should_cancel_the_open_work_when_a_dispatcher_stands_it_down()
    {
        await _dispatch.DeliverAsync(new StandDownSnowEvent(_id, "the snow missed the city", "bo", DateTimeOffset.UtcNow));

        var closed = await _dispatch.StateAsync(_id, "Closed");
        Assert.Equal("stood down: the snow missed the city", closed.CloseReason);
        var task = Assert.Single(await _dispatch.TasksOfAsync(_id));
        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.Equal("stood down: the snow missed the city", task.Reason);
        Assert.True(await _dispatch.Harness.Published.Any<TaskStateChanged>(m =>
            m.Context.Message.TaskId == task.Id && m.Context.Message.State == TaskState.Cancelled && m.Context.Message.By == "bo"));
    }

    [Fact]
    public async Task Should_record_every_step_on_the_timeline_once_with_who_and_when()
    {
        await AdvanceAsync(SnowPhase.Clear, "bo");
        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, DateTimeOffset.UtcNow.AddMinutes(-5), "cy", DateTimeOffset.UtcNow));
        await AdvanceAsync(SnowPhase.Closed, "dee");
        // Redelivered events add no second line.
        await _dispatch.DeliverAsync(new SnowEventPhaseChanged(_id, SnowPhase.Clear, "bo", DateTimeOffset.UtcNow));

        var timeline = await _dispatch.EventuallyAsync(
            async db => TimelineEntry.InOrder(await db.Timeline.AsNoTracking().Where(t => t.SnowEventId == _id).ToListAsync()).ToList(),
            t => t.Count >= 8, "the timeline");
        Assert.Equal(["proposed", "activated", "phase:Prepare", "heating:Orange", "phase:Clear", "snowfall-end", "phase:Restore", "phase:Closed"],
            timeline.Select(t => t.Key.StartsWith("snowfall-end", StringComparison.Ordinal) ? "snowfall-end" : t.Key).Where(k => !k.StartsWith("routes", StringComparison.Ordinal)));
        Assert.Equal(["ana", "ana", "ana", "system", "bo", "cy", "cy", "dee"], timeline.Select(t => t.By));
    }
}
