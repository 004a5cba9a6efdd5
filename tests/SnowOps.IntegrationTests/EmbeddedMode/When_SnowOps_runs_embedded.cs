using System.Net;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.EmbeddedMode;

public sealed class When_SnowOps_runs_embedded : IAsyncLifetime
{
    readonly EmbeddedHost _embedded = new();

    public Task InitializeAsync() => _embedded.InitializeAsync();

    public Task DisposeAsync() => _embedded.DisposeAsync();

    async Task<SnowFlow.Outcome> RunFlowAsync(string? warningXml = null)
    {
        using var alerts = await _embedded.AsAsync("alert-source", "dwd");
        using var dispatcher = await _embedded.AsAsync("dispatcher", "ana");
        using var crew = await _embedded.AsAsync("crew", "spreader-1");
        using var committee = await _embedded.AsAsync("committee", "city");
        return await new SnowFlow(alerts, dispatcher, crew, committee).RunAsync(warningXml);
    }

    [Fact]
    public async Task Should_carry_a_snow_warning_through_to_a_completed_task()
    {
        var outcome = await RunFlowAsync();

        Assert.Equal(2, outcome.Summary.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(1, outcome.Summary.GetProperty("tasks").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Should_start_restore_when_the_warning_expires_without_undoing_the_work()
    {
        // The real DWD warning, timed to expire 20 s from now: its Quartz trigger ends it while the event is under way.
        var outcome = await RunFlowAsync(await SnowFlow.CurrentWarningAsync(TimeSpan.FromSeconds(20)));
        using var committee = await _embedded.AsAsync("committee", "city");

        var alerts = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/alerts"),
            a => a.EnumerateArray().Any(x => x.GetProperty("state").GetString() == "Expired"), "the warning to expire", seconds: 60);
        var snowEvent = await Eventually.HoldsAsync(() => committee.GetJsonAsync($"/api/snow-events/{outcome.SnowEventId}"),
            e => e.GetProperty("phase").GetString() == "Restore", "restore to begin at the warning's end");
        var summary = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/status/summary"),
            s => s.GetProperty("activeAlerts").GetArrayLength() == 0, "the summary to drop the expired warning");

        Assert.Equal("Snowstorm", Assert.Single(alerts.EnumerateArray()).GetProperty("hazard").GetString());
        Assert.Equal("system", snowEvent.GetProperty("snowfallEndedBy").GetString());
        Assert.Equal(outcome.SnowEventId, summary.GetProperty("snowEvents")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Should_keep_everything_across_a_restart()
    {
        var outcome = await RunFlowAsync();

        await _embedded.RestartAsync();

        using var committee = await _embedded.AsAsync("committee", "city");
        var tasks = await committee.GetJsonAsync($"/api/snow-events/{outcome.SnowEventId}/tasks");
        Assert.Equal(2, tasks.GetArrayLength());
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("state").GetString() == "Completed");
        var summary = await committee.GetJsonAsync("/api/status/summary");
        Assert.Equal(1, summary.GetProperty("tasks").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Should_make_no_second_set_of_tasks_when_activated_again()
    {
        var outcome = await RunFlowAsync();
        using var dispatcher = await _embedded.AsAsync("dispatcher", "bo");

        using var again = await dispatcher.PostAsync($"/api/snow-events/{outcome.SnowEventId}/activate");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        await Task.Delay(500);
        var tasks = await dispatcher.GetJsonAsync($"/api/snow-events/{outcome.SnowEventId}/tasks");
        Assert.Equal(2, tasks.GetArrayLength());
    }

    [Fact]
    public async Task Should_let_a_crew_answer_only_its_own_tasks()
    {
        var outcome = await RunFlowAsync();
        var notice = outcome.Tasks.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "FrontageNotice");
        using var otherCrew = await _embedded.AsAsync("crew", "spreader-1");
        using var ownCrew = await _embedded.AsAsync("crew", "street-1");

        using var foreign = await otherCrew.PostAsync($"/api/crew/tasks/{notice.GetProperty("id").GetGuid()}/accept");
        using var finished = await otherCrew.PostAsync($"/api/crew/tasks/{outcome.CompletedTask}/decline", new { note = "too late" });
        using var own = await ownCrew.PostAsync($"/api/crew/tasks/{notice.GetProperty("id").GetGuid()}/accept");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_to_complete_a_task_the_dispatcher_cancelled()
    {
        var outcome = await RunFlowAsync();
        var notice = outcome.Tasks.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "FrontageNotice").GetProperty("id").GetGuid();
        using var dispatcher = await _embedded.AsAsync("dispatcher", "bo");
        using var crew = await _embedded.AsAsync("crew", "street-1");

        using var cancelled = await dispatcher.PostAsync($"/api/tasks/{notice}/cancel", new { reason = "shops closed for the holiday" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await Eventually.HoldsAsync(() => crew.GetJsonAsync("/api/crew/tasks"),
            c => c.EnumerateArray().All(x => x.GetProperty("taskId").GetGuid() != notice), "the cancelled card gone from the crew's list");
        using var completed = await crew.PostAsync($"/api/crew/tasks/{notice}/complete", new { note = "done anyway" });
        using var again = await dispatcher.PostAsync($"/api/tasks/{notice}/cancel", new { reason = "twice" });

        Assert.Equal(HttpStatusCode.Conflict, completed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already cancelled (shops closed for the holiday", await again.Content.ReadAsStringAsync());
        var task = await dispatcher.GetJsonAsync($"/api/tasks/{notice}");
        Assert.Equal(("Cancelled", "shops closed for the holiday"), (task.GetProperty("state").GetString(), task.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Should_describe_its_API_in_an_OpenAPI_document_and_answer_health_checks()
    {
        using var anonymous = _embedded.Anonymous();

        var openApi = await anonymous.GetJsonAsync("/openapi/v1.json");
        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetJsonAsync("/health/ready");

        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/alerts", paths);
        Assert.Contains("/api/snow-events/{id}/activate", paths);
        Assert.Contains("/api/status/summary", paths);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(7, ready.GetProperty("checks").GetArrayLength());
    }
}
