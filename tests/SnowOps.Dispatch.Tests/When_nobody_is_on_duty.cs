using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_nobody_is_on_duty : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;
    CrewTask _task = null!;

    public When_nobody_is_on_duty() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                AcceptWithinMinutes = 10,
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice the bridge" }],
            },
        ],
        Crews =
        [
            new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing] },
            new CrewDefinition { Id = "plow-1", Kinds = [TaskKind.PlowRoute], AlwaysOnDuty = true },
        ],
    });

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        var snowEventId = await _dispatch.ActivateAsync("snow", Start);
        _task = Assert.Single(await _dispatch.TasksAsync(snowEventId));
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task<CrewTask> TaskNowAsync() => _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == _task.Id));

    Task PlanShiftAsync(string crewId, double fromMinutes, double hours) => _dispatch.QueryAsync(db =>
    {
        db.Shifts.Add(new Shift
        {
            Id = Guid.NewGuid(),
            CrewId = crewId,
            Start = Start.AddMinutes(fromMinutes),
            End = Start.AddMinutes(fromMinutes).AddHours(hours),
            CreatedBy = "ana",
        });
        return db.SaveChangesAsync();
    });

    async Task AtAsync(double minutes)
    {
        _time.SetUtcNow(Start.AddMinutes(minutes));
        await _dispatch.TickAsync();
    }

    [Fact]
    public async Task Should_keep_the_task_in_the_pool_until_a_crew_that_takes_it_comes_on_duty()
    {
        Assert.Null(_task.CrewId);
        await PlanShiftAsync("spreader-1", 5, 8);

        await AtAsync(4);
        Assert.Null((await TaskNowAsync()).CrewId);

        await AtAsync(5);

        var task = await TaskNowAsync();
        Assert.Equal("spreader-1", task.CrewId);
        Assert.Equal(TaskState.Assigned, task.State);
        Assert.Equal(1, task.Sent);
        Assert.Equal(Start.AddMinutes(5), task.LastSent);
        var announced = Assert.Single(_dispatch.Harness.Published.Select<TaskAssigned>(), m => m.Context.Message.CrewId == "spreader-1");
        Assert.Equal(1, announced.Context.Message.Sent);
    }

    [Fact]
    public async Task Should_give_the_crew_its_own_accept_window_from_when_it_got_the_task()
    {
        await PlanShiftAsync("spreader-1", 8, 8);
        await AtAsync(8);

        await AtAsync(15);
        Assert.Equal(1, (await TaskNowAsync()).Sent);
        await AtAsync(18);

        Assert.Equal(2, (await TaskNowAsync()).Sent);
        Assert.Empty(_dispatch.Harness.Published.Select<TaskEscalated>());
    }

    [Fact]
    public async Task Should_hand_a_task_nobody_takes_to_the_duty_dispatcher_once()
    {
        await AtAsync(9);
        Assert.Equal(TaskState.Assigned, (await TaskNowAsync()).State);

        await AtAsync(10);
        await AtAsync(20);
        await PlanShiftAsync("spreader-1", 25, 8);
        await AtAsync(30);

        var task = await TaskNowAsync();
        Assert.Equal(TaskState.Escalated, task.State);
        Assert.Null(task.CrewId);
        Assert.Equal("no crew on duty took it within 10 min", task.Reason);
        Assert.Single(_dispatch.Harness.Published.Select<TaskEscalated>());
        Assert.DoesNotContain(_dispatch.Harness.Published.Select<TaskAssigned>(), m => m.Context.Message.CrewId is not null);
    }
}
