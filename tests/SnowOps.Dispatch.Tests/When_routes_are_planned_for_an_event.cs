using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

/// <summary>Routes become tasks for the crews driving them, shops along them are notified, and a re-plan replaces what it changed.</summary>
public sealed class When_routes_are_planned_for_an_event : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _id = Guid.NewGuid();

    static PlannedRoute Route(string vehicle, string kind = "Plow", string priority = "P1") =>
        new(Guid.NewGuid(), $"{vehicle}: {priority}", priority, 2500, "MULTILINESTRING ((7.42 43.73, 7.43 43.74))", ["Boulevard Albert 1er", "Quai Antoine 1er"],
            vehicle, kind, 1.5, 300, kind == "Spreader" ? 150 : 0);

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.DeliverAsync(
            new ProposeSnowEvent(_id, null, Hazard.Snowstorm, AlertLevel.Orange, "Heavy snow", "snow-severe", DateTimeOffset.UtcNow, 1, "ana"),
            new ActivateSnowEvent(_id, "ana", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Prepare");
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_give_each_route_to_its_vehicles_crew_and_notify_the_shops_along_plow_routes()
    {
        var plow = Route("plow-1");
        var spreader = Route("spreader-2", "Spreader");
        await _dispatch.DeliverAsync(new PlowRoutesAssigned(_id, [plow, spreader]), new PlowRoutesAssigned(_id, [plow, spreader]));

        var tasks = await _dispatch.TasksOfAsync(_id);
        var plowTask = Assert.Single(tasks, t => t.SourceKey == $"route:{plow.RouteId}");
        Assert.Equal((TaskKind.PlowRoute, "plow-1", "P1"), (plowTask.Kind, plowTask.CrewId, plowTask.PriorityClass));
        var deIcing = Assert.Single(tasks, t => t.SourceKey == $"route:{spreader.RouteId}");
        Assert.Equal((TaskKind.DeIcing, "spreader-2"), (deIcing.Kind, deIcing.CrewId));
        var notice = Assert.Single(tasks, t => t.Kind == TaskKind.FrontageNotice);
        Assert.Equal("street-1", notice.CrewId);
        Assert.Contains("Boulevard Albert 1er, Quai Antoine 1er", notice.Title);
    }

    [Fact]
    public async Task Should_check_after_the_snow_that_the_shops_cleared_their_frontage()
    {
        await _dispatch.DeliverAsync(new PlowRoutesAssigned(_id, [Route("plow-1")]));
        var ended = DateTimeOffset.UtcNow.AddMinutes(-10);

        await _dispatch.DeliverAsync(new MarkSnowStopped(_id, ended, "bo", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Restore");
        await _dispatch.SettleAsync();

        var checks = (await _dispatch.TasksOfAsync(_id)).Where(t => t.SourceKey.StartsWith(FrontageNotices.CheckPrefix, StringComparison.Ordinal)).ToList();
        var check = Assert.Single(checks);
        Assert.StartsWith("Check the frontage was cleared: Boulevard Albert 1er", check.Title);
        Assert.Equal(ended.AddHours(FrontageNotices.CheckWithinHours), check.Due!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Should_cancel_the_open_route_tasks_a_replan_replaced_and_keep_the_finished_ones()
    {
        var first = Route("plow-1");
        var second = Route("plow-2");
        await _dispatch.DeliverAsync(new PlowRoutesAssigned(_id, [first, second]));
        var done = Assert.Single(await _dispatch.TasksOfAsync(_id), t => t.SourceKey == $"route:{second.RouteId}");
        await _dispatch.DeliverAsync(new TaskCompleted(done.Id, done.CrewId!, DateTimeOffset.UtcNow, null));

        var replacement = Route("plow-1");
        await _dispatch.DeliverAsync(new PlowRoutesReplanned(_id, 1, [replacement], ["plow-3"], [], []));

        var tasks = await _dispatch.TasksOfAsync(_id);
        Assert.Equal(TaskState.Cancelled, Assert.Single(tasks, t => t.SourceKey == $"route:{first.RouteId}").State);
        Assert.Equal(TaskState.Completed, Assert.Single(tasks, t => t.SourceKey == $"route:{second.RouteId}").State);
        var now = Assert.Single(tasks, t => t.SourceKey == $"route:{replacement.RouteId}");
        Assert.Equal(("plow-1", TaskState.Assigned), (now.CrewId, now.State));
        Assert.True(await _dispatch.Harness.Published.Any<TaskStateChanged>(m =>
            m.Context.Message.State == TaskState.Cancelled && m.Context.Message.Reason == "re-planned (revision 1)"));
    }

    [Fact]
    public async Task Should_make_no_tasks_from_routes_of_a_closed_event()
    {
        await _dispatch.DeliverAsync(new StandDownSnowEvent(_id, "false alarm", "bo", DateTimeOffset.UtcNow));
        await _dispatch.StateAsync(_id, "Closed");
        var before = (await _dispatch.TasksOfAsync(_id)).Count;

        await _dispatch.DeliverAsync(new PlowRoutesAssigned(_id, [Route("plow-1")]));

        Assert.Equal(before, (await _dispatch.TasksOfAsync(_id)).Count);
    }
}
