using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_the_service_report_is_read : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 6, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;
    Guid _snowEventId;
    List<CrewTask> _tasks = null!;

    public When_the_service_report_is_read() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                AcceptWithinMinutes = 1440,
                Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 3 }],
                ServiceTargets =
                [
                    Target("Half the bridges passable", TargetMeasure.Started, 50, PlanMoment.Activation),
                    Target("All bridges clear", TargetMeasure.Completed, 100, PlanMoment.Activation),
                    Target("Bridges clear after the snow", TargetMeasure.Completed, 100, PlanMoment.SnowfallEnd),
                ],
            },
        ],
        Crews = [new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true }],
    });

    static ServiceTarget Target(string name, TargetMeasure measure, double share, PlanMoment from) =>
        new() { Name = name, Kinds = [TaskKind.DeIcing], Measure = measure, SharePercent = share, From = from, Hours = 2 };

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        _snowEventId = await _dispatch.ActivateAsync("snow", Start);
        _tasks = await _dispatch.TasksAsync(_snowEventId);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    async Task<Dictionary<string, TargetReport>> ReportAsync()
    {
        IReadOnlyList<TargetReport>? report = null;
        var snowEvent = await _dispatch.SnowEventAsync(_snowEventId);
        await _dispatch.WithServicesAsync(async services =>
            report = await services.GetRequiredService<ServiceReport>().ForAsync(snowEvent, _time.GetUtcNow(), CancellationToken.None));
        return report!.ToDictionary(t => t.Target.Name);
    }

    [Fact]
    public async Task Should_report_a_target_met_with_the_time_the_needed_task_reached_it()
    {
        // Crews' report times are capped at Dispatch's now: the clock is past them before they arrive.
        _time.SetUtcNow(Start.AddMinutes(100));
        await _dispatch.DeliverAsync(
            new TaskStarted(_tasks[0].Id, "spreader-1", Start.AddMinutes(20)),
            new TaskStarted(_tasks[1].Id, "spreader-1", Start.AddMinutes(45)),
            new TaskCompleted(_tasks[2].Id, "spreader-1", Start.AddMinutes(70), null));

        var half = (await ReportAsync())["Half the bridges passable"];

        Assert.Equal(TargetStatus.Met, half.Status);
        Assert.Equal((3, 2, 3), (half.Counted, half.Needed, half.Done));
        Assert.Equal(Start.AddMinutes(45), half.MetAt);
        Assert.Equal(Start.AddHours(2), half.Deadline);
    }

    [Fact]
    public async Task Should_report_a_target_met_after_its_deadline_as_missed()
    {
        _time.SetUtcNow(Start.AddHours(3));
        await _dispatch.DeliverAsync(
            new TaskCompleted(_tasks[0].Id, "spreader-1", Start.AddMinutes(30), null),
            new TaskCompleted(_tasks[1].Id, "spreader-1", Start.AddMinutes(90), null),
            new TaskCompleted(_tasks[2].Id, "spreader-1", Start.AddMinutes(150), null));

        var all = (await ReportAsync())["All bridges clear"];

        Assert.Equal(TargetStatus.Missed, all.Status);
        Assert.Equal(Start.AddMinutes(150), all.MetAt);
        Assert.Equal((3, 3, 2), (all.Needed, all.Done, all.DoneByDeadline));
    }

    [Fact]
    public async Task Should_report_a_target_at_risk_near_its_deadline_and_pending_before()
    {
        await _dispatch.DeliverAsync(new TaskCompleted(_tasks[0].Id, "spreader-1", Start.AddMinutes(30), null));

        _time.SetUtcNow(Start.AddMinutes(89));
        Assert.Equal(TargetStatus.Pending, (await ReportAsync())["All bridges clear"].Status);
        _time.SetUtcNow(Start.AddMinutes(90));
        var all = (await ReportAsync())["All bridges clear"];

        Assert.Equal(TargetStatus.AtRisk, all.Status);
        Assert.Equal(1, all.Done);
        Assert.Null(all.MetAt);
    }

    [Fact]
    public async Task Should_have_no_deadline_while_the_end_of_the_snow_is_not_known()
    {
        _time.SetUtcNow(Start.AddHours(5));

        var after = (await ReportAsync())["Bridges clear after the snow"];

        Assert.Null(after.Deadline);
        Assert.Equal(TargetStatus.Pending, after.Status);
        Assert.Equal((3, 3, 0), (after.Counted, after.Needed, after.Done));
    }

    [Theory]
    [InlineData(100, 3, 3)]
    [InlineData(50, 3, 2)]
    [InlineData(33.4, 3, 2)]
    [InlineData(95, 20, 19)]
    [InlineData(0.1, 1, 1)]
    [InlineData(80, 0, 0)]
    public void Should_need_the_share_of_the_counted_tasks_rounded_up(double share, int counted, int needed) =>
        Assert.Equal(needed, ServiceReport.Needed(share, counted));
}
