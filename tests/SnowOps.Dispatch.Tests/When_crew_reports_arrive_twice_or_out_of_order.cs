using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_crew_reports_arrive_twice_or_out_of_order : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    // Whole seconds: times are kept to the millisecond.
    readonly DateTimeOffset _at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
    CrewTask _task = null!;

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        _task = await _dispatch.CreateTaskAsync(TaskKind.FrontageNotice);
        Assert.Equal("street-1", _task.CrewId);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_stay_completed_when_the_acceptance_and_start_arrive_after_the_completion()
    {
        await _dispatch.DeliverAsync(
            new TaskCompleted(_task.Id, "street-1", _at.AddMinutes(20), "all shops told"),
            new TaskAccepted(_task.Id, "street-1", _at),
            new TaskStarted(_task.Id, "street-1", _at.AddMinutes(1)));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal(TaskState.Completed, now.State);
        Assert.Equal(_at.AddMinutes(20), now.Completed);
        Assert.Equal("all shops told", now.Note);
        var change = Assert.Single(_dispatch.StateChanges(_task.Id));
        Assert.Equal((TaskState.Completed, "street-1"), (change.State, change.By));
    }

    [Fact]
    public async Task Should_publish_one_state_change_for_a_completion_delivered_twice()
    {
        var completed = new TaskCompleted(_task.Id, "street-1", _at.AddMinutes(20), "first");

        await _dispatch.DeliverAsync(completed, completed, completed with { Note = "second" });

        Assert.Equal("first", (await _dispatch.TaskAsync(_task.Id)).Note);
        Assert.Single(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_keep_the_first_acceptance_when_it_is_delivered_again()
    {
        await _dispatch.DeliverAsync(new TaskAccepted(_task.Id, "street-1", _at), new TaskAccepted(_task.Id, "street-1", _at.AddMinutes(3)));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((TaskState.Accepted, _at), (now.State, now.Accepted));
        Assert.Single(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_stay_started_when_the_acceptance_arrives_after_the_start()
    {
        await _dispatch.DeliverAsync(new TaskStarted(_task.Id, "street-1", _at.AddMinutes(1)), new TaskAccepted(_task.Id, "street-1", _at));

        Assert.Equal(TaskState.Started, (await _dispatch.TaskAsync(_task.Id)).State);
        Assert.Equal([TaskState.Started], _dispatch.StateChanges(_task.Id).Select(m => m.State));
    }

    [Fact]
    public async Task Should_ignore_every_report_on_a_cancelled_task()
    {
        await _dispatch.QueryAsync(async db =>
        {
            TaskCancellation.Cancel(await db.Tasks.FindAsync(_task.Id) ?? throw new InvalidOperationException(), "not needed", _at);
            return await db.SaveChangesAsync();
        });

        await _dispatch.DeliverAsync(
            new TaskAccepted(_task.Id, "street-1", _at.AddMinutes(1)),
            new TaskCompleted(_task.Id, "street-1", _at.AddMinutes(2), null),
            new TaskDeclined(_task.Id, "street-1", "too late", _at.AddMinutes(3)));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal(TaskState.Cancelled, now.State);
        Assert.Null(now.Completed);
        Assert.Empty(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_let_a_crew_that_takes_the_kind_take_a_task_nobody_holds()
    {
        var unheld = await _dispatch.CreateTaskAsync(TaskKind.TemperatureCheck);
        Assert.Null(unheld.CrewId);
        await _dispatch.AddCrewAsync("heat-1", TaskKind.TemperatureCheck);

        await _dispatch.DeliverAsync(
            new TaskAccepted(unheld.Id, "plow-1", _at),
            new TaskAccepted(unheld.Id, "heat-1", _at.AddMinutes(1)),
            new TaskStarted(unheld.Id, "street-1", _at.AddMinutes(2)));

        var now = await _dispatch.TaskAsync(unheld.Id);
        Assert.Equal((TaskState.Accepted, "heat-1"), (now.State, now.CrewId));
        Assert.Single(_dispatch.StateChanges(unheld.Id));
    }
}
