using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_crew_reports_progress : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    // Whole seconds: times are kept to the millisecond.
    readonly DateTimeOffset _at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
    CrewTask _task = null!;

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        _task = await _dispatch.CreateTaskAsync(TaskKind.PlowRoute);
        Assert.Equal("plow-1", _task.CrewId);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    TaskProgressReported Progress(double minutes, double? percent, double? lat = 43.73, double? lon = 7.42, int? segments = null) =>
        new(_task.Id, "plow-1", lat, lon, percent, _at.AddMinutes(minutes), segments);

    [Fact]
    public async Task Should_record_it_and_start_the_task()
    {
        await _dispatch.DeliverAsync(Progress(5, 40, segments: 12));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal(TaskState.Started, now.State);
        Assert.Equal(_at.AddMinutes(5), now.Started);
        Assert.Equal((40d, 12, 43.73, 7.42, _at.AddMinutes(5)), (now.PercentDone, now.SegmentsDone, now.Latitude, now.Longitude, now.LastReport));
        var change = Assert.Single(_dispatch.StateChanges(_task.Id));
        Assert.Equal((TaskState.Started, "plow-1"), (change.State, change.By));
    }

    [Fact]
    public async Task Should_not_let_an_older_report_overwrite_a_newer_one()
    {
        await _dispatch.DeliverAsync(Progress(10, 60, 43.74, 7.43), Progress(5, 20, 43.70, 7.40), Progress(10, 10));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((60d, 43.74, 7.43, _at.AddMinutes(10)), (now.PercentDone, now.Latitude, now.Longitude, now.LastReport));
        Assert.Single(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_apply_reports_that_arrive_together_oldest_first_and_start_the_task_once()
    {
        // Published at once, newest first: they reach the consumer in one batch, or in a few.
        await Task.WhenAll(new[] { Progress(10, 60, 43.74, 7.43), Progress(5, 20, 43.70, 7.40), Progress(7, 30) }
            .Select(report => _dispatch.Harness.Bus.Publish(report)));
        await _dispatch.EventuallyAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == _task.Id), t => t.LastReport == _at.AddMinutes(10),
            "the newest report recorded");
        await _dispatch.SettleAsync();

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((TaskState.Started, _at.AddMinutes(5)), (now.State, now.Started));
        Assert.Equal((60d, 43.74, 7.43, _at.AddMinutes(10)), (now.PercentDone, now.Latitude, now.Longitude, now.LastReport));
        var change = Assert.Single(_dispatch.StateChanges(_task.Id));
        Assert.Equal((TaskState.Started, _at.AddMinutes(5)), (change.State, change.Changed));
    }

    [Fact]
    public async Task Should_clamp_the_share_and_leave_out_what_is_not_usable()
    {
        await _dispatch.DeliverAsync(Progress(1, 30, 43.73, 7.42, 4), Progress(2, 150, lat: 95, segments: -3), Progress(3, null, 0, 0));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((100d, 4, 43.73, 7.42), (now.PercentDone, now.SegmentsDone, now.Latitude, now.Longitude));
        Assert.Equal(_at.AddMinutes(3), now.LastReport);
    }

    [Fact]
    public async Task Should_not_start_the_task_on_a_position_alone()
    {
        await _dispatch.DeliverAsync(Progress(1, null), Progress(2, 0));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((TaskState.Assigned, 43.73), (now.State, now.Latitude));
        Assert.Empty(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_ignore_progress_on_a_finished_task()
    {
        await _dispatch.DeliverAsync(new TaskCompleted(_task.Id, "plow-1", _at.AddMinutes(20), null), Progress(25, 50));

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal(TaskState.Completed, now.State);
        Assert.Null(now.PercentDone);
        Assert.Null(now.LastReport);
    }

    [Fact]
    public async Task Should_ignore_progress_from_a_crew_that_does_not_hold_the_task()
    {
        await _dispatch.DeliverAsync(Progress(1, 50) with { CrewId = "spreader-1" });

        var now = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((TaskState.Assigned, (double?)null), (now.State, now.PercentDone));
    }
}
