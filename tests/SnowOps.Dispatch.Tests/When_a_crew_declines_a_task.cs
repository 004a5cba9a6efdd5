using MassTransit;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_crew_declines_a_task : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    IReadOnlyList<TaskAssigned> Announcements(Guid taskId) =>
        [.. _dispatch.Harness.Published.Select<TaskAssigned>().Select(m => m.Context.Message).Where(m => m.TaskId == taskId)];

    static TaskDeclined Decline(Guid taskId, string crewId, string reason = "spreader broken") => new(taskId, crewId, reason, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Should_give_it_to_another_crew_on_duty_and_send_it_to_that_crew()
    {
        var task = await _dispatch.CreateTaskAsync(TaskKind.DeIcing);
        Assert.Equal("spreader-1", task.CrewId);

        await _dispatch.DeliverAsync(Decline(task.Id, "spreader-1"));

        var now = await _dispatch.TaskAsync(task.Id);
        Assert.Equal(TaskState.Assigned, now.State);
        Assert.Equal("spreader-2", now.CrewId);
        Assert.Equal(1, now.Sent);
        Assert.Equal(["spreader-1"], now.Decliners);
        Assert.Equal("spreader broken", now.Reason);
        Assert.Equal(["spreader-1", "spreader-2"], Announcements(task.Id).Select(m => m.CrewId));
        Assert.Equal([(TaskState.Declined, "spreader-1"), (TaskState.Assigned, "spreader-2")],
            _dispatch.StateChanges(task.Id).Select(m => (m.State, m.CrewId)));
        var declined = _dispatch.StateChanges(task.Id)[0];
        Assert.Equal(("spreader broken", "spreader-1"), (declined.Reason, declined.By));
    }

    [Fact]
    public async Task Should_escalate_to_the_duty_dispatcher_when_no_other_crew_takes_the_kind()
    {
        var task = await _dispatch.CreateTaskAsync(TaskKind.FrontageNotice);
        Assert.Equal("street-1", task.CrewId);

        await _dispatch.DeliverAsync(Decline(task.Id, "street-1", "no one free"));

        var now = await _dispatch.TaskAsync(task.Id);
        Assert.Equal(TaskState.Escalated, now.State);
        Assert.Null(now.CrewId);
        Assert.NotNull(now.Escalated);
        Assert.Contains("street-1", now.Reason);
        var escalated = Assert.Single(_dispatch.Harness.Published.Select<TaskEscalated>(), m => m.Context.Message.TaskId == task.Id);
        Assert.Equal(now.Reason, escalated.Context.Message.Reason);
        Assert.Equal([TaskState.Declined, TaskState.Escalated], _dispatch.StateChanges(task.Id).Select(m => m.State));
        Assert.Equal(SnowEventStateMachine.System, _dispatch.StateChanges(task.Id)[1].By);
        Assert.Single(Announcements(task.Id));
    }

    [Fact]
    public async Task Should_not_offer_it_again_to_a_crew_that_declined_it()
    {
        var task = await _dispatch.CreateTaskAsync(TaskKind.DeIcing);

        await _dispatch.DeliverAsync(Decline(task.Id, "spreader-1"), Decline(task.Id, "spreader-2"));

        var now = await _dispatch.TaskAsync(task.Id);
        Assert.Equal(TaskState.Escalated, now.State);
        Assert.Equal(["spreader-1", "spreader-2"], now.Decliners);
    }

    [Fact]
    public async Task Should_prefer_another_crew_of_the_same_zone()
    {
        // Without the zone, "east-1" would come first: no crew has open work, and ties go by id.
        await _dispatch.AddCrewAsync("east-1", TaskKind.DeIcing, "east");
        await _dispatch.AddCrewAsync("north-1", TaskKind.DeIcing, "north");
        await _dispatch.AddCrewAsync("west-1", TaskKind.DeIcing, "north");
        var task = await _dispatch.CreateTaskAsync(TaskKind.DeIcing, zone: "north");
        Assert.Equal("north-1", task.CrewId);

        await _dispatch.DeliverAsync(Decline(task.Id, "north-1"));

        Assert.Equal("west-1", (await _dispatch.TaskAsync(task.Id)).CrewId);
    }

    [Fact]
    public async Task Should_change_nothing_when_the_decline_is_delivered_again()
    {
        var task = await _dispatch.CreateTaskAsync(TaskKind.DeIcing);
        var decline = Decline(task.Id, "spreader-1");

        await _dispatch.DeliverAsync(decline, decline);

        var now = await _dispatch.TaskAsync(task.Id);
        Assert.Equal((TaskState.Assigned, "spreader-2"), (now.State, now.CrewId));
        Assert.Single(_dispatch.StateChanges(task.Id), m => m.State == TaskState.Declined);
        Assert.Equal(2, Announcements(task.Id).Count);
    }

    [Fact]
    public async Task Should_ignore_what_the_crew_that_declined_reports_afterwards()
    {
        var task = await _dispatch.CreateTaskAsync(TaskKind.DeIcing);
        var at = DateTimeOffset.UtcNow;

        await _dispatch.DeliverAsync(
            Decline(task.Id, "spreader-1"),
            new TaskAccepted(task.Id, "spreader-1", at),
            new TaskCompleted(task.Id, "spreader-1", at.AddMinutes(5), "done anyway"),
            new TaskProgressReported(task.Id, "spreader-1", 43.73, 7.42, 80, at.AddMinutes(4)));

        var now = await _dispatch.TaskAsync(task.Id);
        Assert.Equal((TaskState.Assigned, "spreader-2"), (now.State, now.CrewId));
        Assert.Null(now.Note);
        Assert.Null(now.PercentDone);

        await _dispatch.DeliverAsync(new TaskAccepted(task.Id, "spreader-2", at.AddMinutes(6)));

        Assert.Equal(TaskState.Accepted, (await _dispatch.TaskAsync(task.Id)).State);
        Assert.Equal("spreader-2", _dispatch.StateChanges(task.Id)[^1].By);
    }
}
