using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Dispatch.Tests;

/// <summary>POST /api/tasks/{id}/cancel and /reassign: dispatchers only; a finished task, a stale version, a crew that cannot take the work are refused.</summary>
public sealed class When_a_dispatcher_changes_a_task_over_HTTP : IAsyncLifetime
{
    readonly DispatchApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    IReadOnlyList<TaskStateChanged> StateChanges() => [.. _api.Harness.Published.Select<TaskStateChanged>().Select(m => m.Context.Message)];

    [Fact]
    public async Task Should_answer_401_without_a_token_and_403_to_the_committee()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _api.As(Roles.Committee).PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _api.As(Roles.Committee).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { crewId = "spreader-2" })).StatusCode);
        Assert.Equal(TaskState.Assigned, (await _api.TaskAsync(task.Id)).State);
        Assert.Empty(StateChanges());
    }

    [Fact]
    public async Task Should_cancel_an_open_task_and_tell_everyone_who_did_it()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1", TaskState.Started);

        var response = await _api.As(Roles.Dispatcher, "bo").PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = "bridge closed", version = 0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var now = await _api.TaskAsync(task.Id);
        Assert.Equal((TaskState.Cancelled, "bridge closed", 1), (now.State, now.Reason, now.Version));
        var change = Assert.Single(StateChanges());
        Assert.Equal((task.Id, TaskState.Cancelled, "spreader-1", "bridge closed", "bo"), (change.TaskId, change.State, change.CrewId, change.Reason, change.By));
    }

    [Fact]
    public async Task Should_refuse_to_cancel_a_completed_task_with_the_reason()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1", TaskState.Completed);

        var response = await _api.As(Roles.Dispatcher).PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = "not needed" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "already completed (by spreader-1");
        Assert.Equal(TaskState.Completed, (await _api.TaskAsync(task.Id)).State);
        Assert.Empty(StateChanges());
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_task_and_400_without_a_reason_or_crew()
    {
        var dispatcher = _api.As(Roles.Dispatcher);
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");

        await AssertProblemAsync(await dispatcher.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/cancel", new { reason = "x" }), HttpStatusCode.NotFound, "No task");
        await AssertProblemAsync(await dispatcher.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/reassign", new { crewId = "spreader-2" }),
            HttpStatusCode.NotFound, "No task");
        await AssertProblemAsync(await dispatcher.PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = " " }), HttpStatusCode.BadRequest, "reason");
        await AssertProblemAsync(await dispatcher.PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { }), HttpStatusCode.BadRequest, "crewId");
    }

    [Fact]
    public async Task Should_refuse_a_change_to_a_task_that_changed_since_the_dispatcher_read_it()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");
        await _api.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, 3)));

        var response = await _api.As(Roles.Dispatcher).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { crewId = "spreader-2", version = 2 });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "changed meanwhile; reload it and try again");
        Assert.Equal("spreader-1", (await _api.TaskAsync(task.Id)).CrewId);
    }

    [Fact]
    public async Task Should_answer_409_when_the_task_changes_between_reading_and_saving()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");
        _api.ChangeBeforeNextSave(task.Id);

        var response = await _api.As(Roles.Dispatcher).PostAsJsonAsync($"/api/tasks/{task.Id}/cancel", new { reason = "bridge closed" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "changed meanwhile; reload it and try again");
        // The change is made inside the command's own transaction (as a trigger would): a command answered with a problem
        // is rolled back whole, so neither the cancellation nor the stand-in change is kept.
        var now = await _api.TaskAsync(task.Id);
        Assert.Equal((TaskState.Assigned, 0), (now.State, now.Version));
        Assert.Empty(StateChanges());
    }

    [Theory]
    [InlineData("snowblower-9", "no crew 'snowblower-9'")]
    [InlineData("plow-1", "does not take DeIcing work")]
    [InlineData("retired-1", "retired")]
    public async Task Should_refuse_to_reassign_to_a_crew_that_cannot_take_the_task(string crewId, string reason)
    {
        await _api.QueryAsync(db =>
        {
            db.Crews.Add(new Crews.Crew { Id = "retired-1", Name = "Retired", Kinds = [TaskKind.DeIcing], Retired = true });
            return db.SaveChangesAsync();
        });
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");

        var response = await _api.As(Roles.Dispatcher).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { crewId });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, reason);
        Assert.Equal("spreader-1", (await _api.TaskAsync(task.Id)).CrewId);
        Assert.False(await _api.Harness.Published.Any<TaskAssigned>());
    }

    [Fact]
    public async Task Should_refuse_to_reassign_a_cancelled_task()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1", TaskState.Cancelled);

        var response = await _api.As(Roles.Dispatcher).PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { crewId = "spreader-2" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "already cancelled");
    }

    [Fact]
    public async Task Should_give_an_escalated_task_to_the_crew_named_and_send_it_to_that_crew()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, null, TaskState.Escalated);

        var response = await _api.As(Roles.Dispatcher, "bo").PostAsJsonAsync($"/api/tasks/{task.Id}/reassign", new { crewId = "spreader-2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("spreader-2", view.RootElement.GetProperty("crewId").GetString());
        var now = await _api.TaskAsync(task.Id);
        Assert.Equal((TaskState.Assigned, "spreader-2", 1), (now.State, now.CrewId, now.Sent));
        var change = Assert.Single(StateChanges());
        Assert.Equal((TaskState.Assigned, "spreader-2", "bo"), (change.State, change.CrewId, change.By));
        var announced = Assert.Single(_api.Harness.Published.Select<TaskAssigned>()).Context.Message;
        Assert.Equal((task.Id, "spreader-2", 1), (announced.TaskId, announced.CrewId, announced.Sent));
    }
}
