using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Tests;

public sealed class When_crews_work_shifts : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 22, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;

    public When_crews_work_shifts() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 2 }],
            },
        ],
        Crews =
        [
            new CrewDefinition { Id = "day-1", Kinds = [TaskKind.DeIcing], VehicleId = "spreader-1", Zone = "south" },
            new CrewDefinition { Id = "night-1", Kinds = [TaskKind.DeIcing], VehicleId = "spreader-1", Zone = "south" },
        ],
    });

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.QueryAsync(db =>
        {
            db.Shifts.Add(new Shift { Id = Guid.NewGuid(), CrewId = "day-1", Start = Start.AddHours(-9), End = Start.AddHours(-1), CreatedBy = "ana" });
            db.Shifts.Add(new Shift
            {
                Id = Guid.NewGuid(), CrewId = "night-1", Start = Start.AddHours(-1), End = Start.AddHours(7), VehicleId = "spreader-7", Zone = "north",
                CreatedBy = "ana",
            });
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_give_new_work_to_the_crew_whose_shift_covers_now_and_none_to_the_crew_whose_shift_ended()
    {
        var id = await _dispatch.ActivateAsync("snow", Start);

        var tasks = await _dispatch.TasksAsync(id);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("night-1", t.CrewId));
    }

    [Fact]
    public async Task Should_show_the_crew_on_duty_with_the_vehicle_and_zone_of_its_shift()
    {
        IReadOnlyList<CrewAssigner.OnDuty> onDuty = [];
        await _dispatch.WithServicesAsync(async services =>
            onDuty = await services.GetRequiredService<CrewAssigner>().OnDutyAsync(CancellationToken.None));

        var night = Assert.Single(onDuty);
        Assert.Equal("night-1", night.Crew.Id);
        Assert.Equal(("spreader-7", "north"), (night.VehicleId, night.Zone));
        Assert.Equal(Start.AddHours(7), night.Shift?.End);
    }

    [Fact]
    public async Task Should_leave_new_work_in_the_pool_once_every_shift_has_ended()
    {
        _time.SetUtcNow(Start.AddHours(7));

        var id = await _dispatch.ActivateAsync("snow", _time.GetUtcNow());

        Assert.All(await _dispatch.TasksAsync(id), t => Assert.Null(t.CrewId));
    }

    [Fact]
    public async Task Should_hand_work_not_yet_accepted_to_the_next_shift_when_a_crews_shift_ends()
    {
        var id = await _dispatch.ActivateAsync("snow", Start);
        var tasks = await _dispatch.TasksAsync(id);
        await _dispatch.DeliverAsync(new TaskAccepted(tasks[0].Id, "night-1", Start.AddMinutes(1)));
        await _dispatch.QueryAsync(db =>
        {
            db.Shifts.Add(new Shift { Id = Guid.NewGuid(), CrewId = "day-1", Start = Start.AddHours(7), End = Start.AddHours(15), CreatedBy = "ana" });
            return db.SaveChangesAsync();
        });

        _time.SetUtcNow(Start.AddHours(7));
        await _dispatch.TickAsync();

        var after = (await _dispatch.TasksAsync(id)).ToDictionary(t => t.Id);
        Assert.Equal(("night-1", TaskState.Accepted), (after[tasks[0].Id].CrewId, after[tasks[0].Id].State));
        Assert.Equal(("day-1", TaskState.Assigned, 1), (after[tasks[1].Id].CrewId, after[tasks[1].Id].State, after[tasks[1].Id].Sent));
        Assert.True(await _dispatch.Harness.Published.Any<TaskAssigned>(m => m.Context.Message.TaskId == tasks[1].Id && m.Context.Message.CrewId == "day-1"));
    }
}

public sealed class When_a_plan_calls_in_its_standby_crews : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 22, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;

    public When_a_plan_calls_in_its_standby_crews() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                Standby = ["reserve-1", "spreader-9"],
                StandbyHours = 10,
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 2 }],
            },
        ],
        Crews =
        [
            new CrewDefinition { Id = "reserve-1", Kinds = [TaskKind.DeIcing] },
            new CrewDefinition { Id = "reserve-2", Kinds = [TaskKind.DeIcing], VehicleId = "spreader-9" },
            new CrewDefinition { Id = "reserve-3", Kinds = [TaskKind.DeIcing] },
        ],
    });

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_put_the_listed_crews_on_duty_from_the_activation_and_give_them_the_work()
    {
        var id = await _dispatch.ActivateAsync("snow", Start);
        await _dispatch.DeliverAsync(new SnowEventActivated(id, Hazard.Snowstorm, AlertLevel.Blue, "snow", "ana", Start));

        var shifts = await _dispatch.QueryAsync(db => db.Shifts.AsNoTracking().OrderBy(s => s.CrewId).ToListAsync());
        Assert.Equal(["reserve-1", "reserve-2"], shifts.Select(s => s.CrewId));
        Assert.All(shifts, s => Assert.Equal((Start, Start.AddHours(10), "plan snow"), (s.Start, s.End, s.CreatedBy)));
        Assert.Equal(["reserve-1", "reserve-2"], (await _dispatch.TasksAsync(id)).Select(t => t.CrewId!).Order());
    }
}
