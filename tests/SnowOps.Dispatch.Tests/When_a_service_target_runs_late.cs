using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_service_target_runs_late : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 6, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;
    Guid _snowEventId;
    List<CrewTask> _tasks = null!;

    public When_a_service_target_runs_late() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                AcceptWithinMinutes = 1440,
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 2 }],
                ServiceTargets =
                [
                    new ServiceTarget
                    {
                        Name = "Bridges de-iced",
                        Kinds = [TaskKind.DeIcing],
                        Measure = TargetMeasure.Completed,
                        From = PlanMoment.Activation,
                        Hours = 2,
                        WarnMinutes = 30,
                    },
                ],
            },
        ],
        Crews =
        [
            new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true },
            new CrewDefinition { Id = "spreader-2", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true },
        ],
    });

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        _snowEventId = await _dispatch.ActivateAsync("snow", Start);
        _tasks = await _dispatch.TasksAsync(_snowEventId);
        Assert.Equal(2, _tasks.Count);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task CompleteAsync(CrewTask task, double minutes) =>
        _dispatch.DeliverAsync(new TaskCompleted(task.Id, task.CrewId!, Start.AddMinutes(minutes), null));

    async Task AtAsync(double minutes)
    {
        _time.SetUtcNow(Start.AddMinutes(minutes));
        await _dispatch.TickAsync();
    }

    [Fact]
    public async Task Should_raise_at_risk_then_missed_once_each()
    {
        await CompleteAsync(_tasks[0], 60);
        await AtAsync(60);
        await AtAsync(89);
        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetAtRisk>());

        await AtAsync(90);
        await AtAsync(105);
        await AtAsync(119);
        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetMissed>());
        await AtAsync(120);
        await AtAsync(150);
        await AtAsync(180);

        var atRisk = Assert.Single(_dispatch.Harness.Published.Select<ServiceTargetAtRisk>()).Context.Message;
        Assert.Equal(new ServiceTargetAtRisk(_snowEventId, "Bridges de-iced", Start.AddHours(2), 1, 2, Start.AddMinutes(90)), atRisk);
        var missed = Assert.Single(_dispatch.Harness.Published.Select<ServiceTargetMissed>()).Context.Message;
        Assert.Equal(new ServiceTargetMissed(_snowEventId, "Bridges de-iced", Start.AddHours(2), 1, 2), missed);
        var warnings = await _dispatch.QueryAsync(db => db.TargetWarnings.AsNoTracking().Where(w => w.SnowEventId == _snowEventId).ToListAsync());
        Assert.Equal(["at-risk", "missed"], warnings.Select(w => w.Kind).Order());
        var timeline = await _dispatch.QueryAsync(db => db.Timeline.AsNoTracking().Where(t => t.SnowEventId == _snowEventId).Select(t => t.Key).ToListAsync());
        Assert.Contains("at-risk:Bridges de-iced", timeline);
        Assert.Contains("missed:Bridges de-iced", timeline);
    }

    [Fact]
    public async Task Should_raise_nothing_for_a_target_met_in_time()
    {
        await CompleteAsync(_tasks[0], 50);
        await CompleteAsync(_tasks[1], 85);

        foreach (var minutes in new[] { 60, 90, 110, 120, 180 })
            await AtAsync(minutes);

        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetAtRisk>());
        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetMissed>());
    }

    [Fact]
    public async Task Should_not_count_a_cancelled_task()
    {
        await CompleteAsync(_tasks[0], 30);
        await _dispatch.QueryAsync(db =>
        {
            var task = db.Tasks.Single(t => t.Id == _tasks[1].Id);
            TaskCancellation.Cancel(task, "the bridge is closed", Start.AddMinutes(40));
            return db.SaveChangesAsync();
        });

        foreach (var minutes in new[] { 90, 120, 150 })
            await AtAsync(minutes);

        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetAtRisk>());
        Assert.Empty(_dispatch.Harness.Published.Select<ServiceTargetMissed>());
    }
}
