using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_crew_does_not_answer : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 6, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;
    CrewTask _task = null!;

    public When_a_crew_does_not_answer() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                AcceptWithinMinutes = 10,
                Resends = 1,
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice the bridge" }],
            },
        ],
        Crews = [new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true }],
    });

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        var snowEventId = await _dispatch.ActivateAsync("snow", Start);
        _task = Assert.Single(await _dispatch.TasksAsync(snowEventId));
        Assert.Equal("spreader-1", _task.CrewId);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task<CrewTask> TaskNowAsync() => _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == _task.Id));

    IEnumerable<TaskAssigned> Announcements() =>
        _dispatch.Harness.Published.Select<TaskAssigned>().Select(m => m.Context.Message).Where(m => m.TaskId == _task.Id);

    async Task AtAsync(double minutes)
    {
        _time.SetUtcNow(Start.AddMinutes(minutes));
        await _dispatch.TickAsync();
    }

    [Fact]
    public async Task Should_send_the_task_again_once_the_accept_window_has_passed()
    {
        await AtAsync(9);
        Assert.Equal(1, (await TaskNowAsync()).Sent);

        await AtAsync(10);

        var task = await TaskNowAsync();
        Assert.Equal(TaskState.Assigned, task.State);
        Assert.Equal(2, task.Sent);
        Assert.Equal(Start.AddMinutes(10), task.LastSent);
        var again = Assert.Single(Announcements(), m => m.Sent == 2);
        Assert.Equal("spreader-1", again.CrewId);
        Assert.Equal(Start.AddMinutes(10), again.Assigned);
    }

    [Fact]
    public async Task Should_escalate_to_the_duty_dispatcher_after_the_last_send_and_only_once()
    {
        await AtAsync(10);
        await AtAsync(15);
        Assert.Equal(TaskState.Assigned, (await TaskNowAsync()).State);

        await AtAsync(20);
        await AtAsync(30);
        await AtAsync(60);

        var task = await TaskNowAsync();
        Assert.Equal(TaskState.Escalated, task.State);
        Assert.Equal(Start.AddMinutes(20), task.Escalated);
        Assert.Equal("not accepted within 10 min after 2 sends", task.Reason);
        Assert.Equal(2, Announcements().Count());
        var escalated = Assert.Single(_dispatch.Harness.Published.Select<TaskEscalated>()).Context.Message;
        Assert.Equal(task.Reason, escalated.Reason);
        var changed = Assert.Single(_dispatch.Harness.Published.Select<TaskStateChanged>(), m => m.Context.Message.State == TaskState.Escalated);
        Assert.Equal("system", changed.Context.Message.By);
        Assert.Equal("spreader-1", changed.Context.Message.CrewId);
    }

    [Fact]
    public async Task Should_leave_a_task_the_crew_accepted_alone()
    {
        await _dispatch.DeliverAsync(new TaskAccepted(_task.Id, "spreader-1", Start.AddMinutes(5)));

        await AtAsync(10);
        await AtAsync(20);
        await AtAsync(60);

        var task = await TaskNowAsync();
        Assert.Equal(TaskState.Accepted, task.State);
        Assert.Equal(1, task.Sent);
        Assert.Single(Announcements());
        Assert.Empty(_dispatch.Harness.Published.Select<TaskEscalated>());
    }
}
