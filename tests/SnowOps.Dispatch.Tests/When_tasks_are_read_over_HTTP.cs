using System.Net;
using System.Text.Json;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Dispatch.Tests;

/// <summary>GET /api/tasks and /api/tasks/{id}: dispatchers and the committee read; filters narrow the list; a bad filter is named.</summary>
public sealed class When_tasks_are_read_over_HTTP : IAsyncLifetime
{
    readonly DispatchApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    static async Task<List<string>> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. list.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Should_answer_401_without_a_token()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
    }

    [Fact]
    public async Task Should_show_one_task_to_the_committee_and_answer_404_for_an_unknown_one()
    {
        var task = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1");
        var committee = _api.As(Roles.Committee);

        var found = await committee.GetAsync($"/api/tasks/{task.Id}");
        var unknown = await committee.GetAsync($"/api/tasks/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var view = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        Assert.Equal(("DeIcing", "Assigned", "spreader-1"),
            (view.RootElement.GetProperty("kind").GetString(), view.RootElement.GetProperty("state").GetString(), view.RootElement.GetProperty("crewId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_filter_by_event_state_kind_crew_and_overdue()
    {
        var snowEvent = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var late = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-1", TaskState.Accepted, now.AddHours(-1), snowEvent);
        var lateButDone = await _api.AddTaskAsync(TaskKind.DeIcing, "spreader-2", TaskState.Completed, now.AddHours(-2), snowEvent);
        var onTime = await _api.AddTaskAsync(TaskKind.PlowRoute, "plow-1", TaskState.Started, now.AddHours(3), snowEvent);
        var standing = await _api.AddTaskAsync(TaskKind.HeatingRepair, null, TaskState.Escalated, now.AddHours(-3));
        var dispatcher = _api.As(Roles.Dispatcher);

        Assert.Equal([late.Id.ToString()], await IdsAsync(await dispatcher.GetAsync($"/api/tasks?snowEventId={snowEvent}&overdue=true")));
        Assert.Equal([standing.Id.ToString(), late.Id.ToString()], await IdsAsync(await dispatcher.GetAsync("/api/tasks?overdue=true")));
        Assert.Equal([lateButDone.Id.ToString(), onTime.Id.ToString()],
            await IdsAsync(await dispatcher.GetAsync($"/api/tasks?snowEventId={snowEvent}&overdue=false")));
        Assert.Equal([standing.Id.ToString(), late.Id.ToString()], await IdsAsync(await dispatcher.GetAsync("/api/tasks?state=escalated,Accepted")));
        Assert.Equal([onTime.Id.ToString()], await IdsAsync(await dispatcher.GetAsync("/api/tasks?kind=PlowRoute")));
        Assert.Equal([lateButDone.Id.ToString()], await IdsAsync(await dispatcher.GetAsync("/api/tasks?crewId=spreader-2")));
        Assert.Equal([standing.Id.ToString()], await IdsAsync(await dispatcher.GetAsync($"/api/tasks?snowEventId={Guid.Empty}")));
        Assert.Equal(2, (await IdsAsync(await dispatcher.GetAsync("/api/tasks?limit=2"))).Count);
    }

    [Theory]
    [InlineData("state=Sleeping", "state 'Sleeping'")]
    [InlineData("state=3", "state '3'")]
    [InlineData("kind=Shovel", "kind must be")]
    [InlineData("snowEventId=storm-1", "snowEventId must be")]
    [InlineData("overdue=maybe", "overdue must be")]
    [InlineData("limit=0", "limit must be")]
    [InlineData("limit=5000", "limit must be")]
    public async Task Should_refuse_a_bad_filter_with_the_reason(string query, string reason)
    {
        var response = await _api.As(Roles.Dispatcher).GetAsync($"/api/tasks?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
