using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SnowOps.Dispatch.Tests;

/// <summary>The dispatcher's orders: each one checked against the phase (409 with the reason), bad input refused, who and when recorded.</summary>
public sealed class When_a_dispatcher_runs_an_event_over_HTTP : IAsyncLifetime
{
    readonly DispatchApi _api = new();
    HttpClient _dispatcher = null!;

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        _dispatcher = _api.As("dispatcher", "ana");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    async Task<Guid> OpenAsync()
    {
        using var opened = await _dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Orange", title = "Snow tonight" });
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PhaseAsync(id, "Proposed");
        return id;
    }

    async Task<JsonElement> PhaseAsync(Guid id, string phase)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await _dispatcher.GetAsync($"/api/snow-events/{id}");
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is var e && e.GetProperty("phase").GetString() == phase)
                return e;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Snow event {id} did not reach {phase}");
            await Task.Delay(50);
        }
    }

    static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Should_run_an_event_from_proposal_to_close_with_who_did_each_step_on_the_timeline()
    {
        // The clock moves a minute between steps, as it would between a dispatcher's decisions.
        var id = await OpenAsync();
        _api.Time.Advance(TimeSpan.FromMinutes(1));
        using var activate = await _dispatcher.PostAsync($"/api/snow-events/{id}/activate", null);
        Assert.Equal(HttpStatusCode.Accepted, activate.StatusCode);
        await PhaseAsync(id, "Prepare");
        _api.Time.Advance(TimeSpan.FromMinutes(1));
        using var clear = await _api.As("dispatcher", "bo").PostAsJsonAsync($"/api/snow-events/{id}/phase", new { phase = "Clear" });
        await PhaseAsync(id, "Clear");
        _api.Time.Advance(TimeSpan.FromMinutes(1));
        using var stopped = await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/snow-stopped", new { at = _api.Now });
        var restore = await PhaseAsync(id, "Restore");
        _api.Time.Advance(TimeSpan.FromMinutes(1));
        using var close = await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/phase", new { phase = "Closed" });
        await PhaseAsync(id, "Closed");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], new[] { clear.StatusCode, stopped.StatusCode, close.StatusCode });
        Assert.Equal(_api.Now.AddMinutes(-1), restore.GetProperty("snowfallEnded").GetDateTimeOffset());
        // The timeline is written from the events the saga publishes, a moment after the phase changes.
        List<(string, string)> steps = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!steps.Contains(("Phase: Closed", "ana")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            var timeline = await _dispatcher.GetFromJsonAsync<JsonElement>($"/api/snow-events/{id}/timeline");
            steps = [.. timeline.EnumerateArray().Select(t => (t.GetProperty("what").GetString()!, t.GetProperty("by").GetString()!))];
        }
        Assert.Contains(("Phase: Clear", "bo"), steps);
        Assert.Contains(("Phase: Restore", "ana"), steps);
        Assert.Equal(("Phase: Closed", "ana"), steps[^1]);
        Assert.StartsWith("Proposed", steps[0].Item1);
    }

    [Fact]
    public async Task Should_refuse_orders_that_do_not_fit_the_phase_with_the_reason()
    {
        var id = await OpenAsync();

        Assert.Contains("activate it first", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/phase", new { phase = "Clear" }), HttpStatusCode.Conflict));
        Assert.Contains("only while the event is active", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/snow-stopped", new { }), HttpStatusCode.Conflict));
        await _dispatcher.PostAsync($"/api/snow-events/{id}/activate", null);
        await PhaseAsync(id, "Prepare");
        Assert.Contains("stand it down", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/phase", new { phase = "Closed" }), HttpStatusCode.Conflict));
        Assert.Contains("not proposed", await ProblemAsync(await _dispatcher.PostAsync($"/api/snow-events/{id}/activate", null), HttpStatusCode.Conflict));
        Assert.Contains("future", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/snow-stopped", new { at = _api.Now.AddHours(1) }), HttpStatusCode.UnprocessableEntity));

        using var standDown = await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/stand-down", new { reason = "the snow missed the city" });
        Assert.Equal(HttpStatusCode.Accepted, standDown.StatusCode);
        var closed = await PhaseAsync(id, "Closed");
        Assert.Equal("stood down: the snow missed the city", closed.GetProperty("closeReason").GetString());
        Assert.Contains("already closed", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{id}/stand-down", new { reason = "again" }), HttpStatusCode.Conflict));
        Assert.Contains("is Closed", await ProblemAsync(await _dispatcher.PostAsync($"/api/snow-events/{id}/activate", null), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Should_refuse_bad_input_unknown_events_and_callers_without_the_role()
    {
        var unknown = Guid.NewGuid();
        Assert.Contains("hazard", await ProblemAsync(await _dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Other", level = "Red", title = "x" }), HttpStatusCode.BadRequest));
        Assert.Contains("title", await ProblemAsync(await _dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Red" }), HttpStatusCode.BadRequest));
        Assert.Contains("no plan 'ghost'", await ProblemAsync(await _dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Red", title = "x", plan = "ghost" }), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("expires", await ProblemAsync(await _dispatcher.PostAsJsonAsync("/api/snow-events",
            new { hazard = "Snowstorm", level = "Red", title = "x", onset = _api.Now.AddHours(2), expires = _api.Now.AddHours(1) }), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("reason", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{unknown}/stand-down", new { }), HttpStatusCode.BadRequest));
        Assert.Contains("phase must be", await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{unknown}/phase", new { phase = "Prepare" }), HttpStatusCode.BadRequest));
        await ProblemAsync(await _dispatcher.PostAsJsonAsync($"/api/snow-events/{unknown}/phase", new { phase = "Clear" }), HttpStatusCode.NotFound);
        await ProblemAsync(await _dispatcher.PostAsync($"/api/snow-events/{unknown}/activate", null), HttpStatusCode.NotFound);
        await ProblemAsync(await _dispatcher.GetAsync($"/api/snow-events/{unknown}/timeline"), HttpStatusCode.NotFound);
        await ProblemAsync(await _dispatcher.GetAsync("/api/snow-events?phase=Melting"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("committee").PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Red", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("crew").PostAsJsonAsync($"/api/snow-events/{unknown}/stand-down", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsync($"/api/snow-events/{unknown}/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Should_filter_the_event_list_by_phase_and_openness()
    {
        var open = await OpenAsync();
        var closed = await OpenAsync();
        await _dispatcher.PostAsJsonAsync($"/api/snow-events/{closed}/stand-down", new { reason = "false alarm" });
        await PhaseAsync(closed, "Closed");

        async Task<List<Guid>> IdsAsync(string query) =>
            [.. (await _dispatcher.GetFromJsonAsync<JsonElement>("/api/snow-events" + query)).EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];

        Assert.Equal([open], await IdsAsync("?phase=proposed"));
        Assert.Equal([closed], await IdsAsync("?open=false"));
        Assert.Equal([open], await IdsAsync("?open=true&hazard=Snowstorm"));
        Assert.Empty(await IdsAsync("?hazard=ColdWave"));
    }
}
