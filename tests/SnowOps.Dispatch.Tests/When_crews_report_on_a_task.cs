using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_crews_report_on_a_task : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _snowEventId = Guid.NewGuid();
    CrewTask _task = null!;

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.Harness.Bus.Publish(new ProposeSnowEvent(_snowEventId, null, Hazard.Snowstorm, AlertLevel.Blue, "Snow", "snow", DateTimeOffset.UtcNow));
        await _dispatch.EventuallyAsync(db => db.SnowEvents.CountAsync(e => e.CorrelationId == _snowEventId), n => n == 1, "the event");
        await _dispatch.Harness.Bus.Publish(new ActivateSnowEvent(_snowEventId, "ana", DateTimeOffset.UtcNow));
        var tasks = await _dispatch.EventuallyAsync(db => db.Tasks.AsNoTracking().Where(t => t.SnowEventId == _snowEventId).ToListAsync(),
            t => t.Count == 3, "plan tasks");
        _task = tasks.First(t => t.Kind == TaskKind.FrontageNotice);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task<CrewTask> TaskNowAsync() => _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == _task.Id));

    [Fact]
    public async Task Should_move_through_accepted_started_completed()
    {
        var at = DateTimeOffset.UtcNow;
        await _dispatch.Harness.Bus.Publish(new TaskAccepted(_task.Id, "street-1", at));
        await _dispatch.EventuallyAsync(_ => TaskNowAsync(), t => t.State == TaskState.Accepted, "accepted");
        await _dispatch.Harness.Bus.Publish(new TaskStarted(_task.Id, "street-1", at.AddMinutes(1)));
        await _dispatch.EventuallyAsync(_ => TaskNowAsync(), t => t.State == TaskState.Started, "started");
        await _dispatch.Harness.Bus.Publish(new TaskCompleted(_task.Id, "street-1", at.AddMinutes(30), "all shops told"));

        var done = await _dispatch.EventuallyAsync(_ => TaskNowAsync(), t => t.State == TaskState.Completed, "completed");
        Assert.Equal("all shops told", done.Note);
        Assert.NotNull(done.Accepted);
        Assert.Contains(_dispatch.StateChanges(_task.Id), m => m.State == TaskState.Completed);
    }

    [Fact]
    public async Task Should_end_completed_when_the_completion_overtakes_the_acceptance()
    {
        var at = DateTimeOffset.UtcNow;
        await _dispatch.Harness.Bus.Publish(new TaskCompleted(_task.Id, "street-1", at.AddMinutes(30), null));
        await _dispatch.EventuallyAsync(_ => TaskNowAsync(), t => t.State == TaskState.Completed, "completed");
        await _dispatch.Harness.Bus.Publish(new TaskAccepted(_task.Id, "street-1", at));
        await _dispatch.Harness.Bus.Publish(new TaskCompleted(_task.Id, "street-1", at.AddMinutes(30), null));
        await _dispatch.SettleAsync();

        Assert.Equal(TaskState.Completed, (await TaskNowAsync()).State);
        Assert.Single(_dispatch.StateChanges(_task.Id));
    }

    [Fact]
    public async Task Should_ignore_a_report_from_a_crew_the_task_is_not_assigned_to()
    {
        await _dispatch.Harness.Bus.Publish(new TaskCompleted(_task.Id, "somebody-else", DateTimeOffset.UtcNow, null));
        await _dispatch.SettleAsync();

        Assert.Equal(TaskState.Assigned, (await TaskNowAsync()).State);
    }
}
