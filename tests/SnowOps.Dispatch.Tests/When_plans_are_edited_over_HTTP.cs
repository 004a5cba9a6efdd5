using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SnowOps.Dispatch.Tests;

/// <summary>Plan templates are versioned: an edit adds a version, an event keeps the version it started with.</summary>
public sealed class When_plans_are_edited_over_HTTP : IAsyncLifetime
{
    readonly DispatchApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    static object Plan(string title = "De-ice bridges and ramps", string[]? hazards = null, string kept = "POLYGON ((7.41 43.73, 7.42 43.73, 7.42 43.74, 7.41 43.73))") => new
    {
        name = "snow",
        hazards = hazards ?? ["Snowstorm"],
        minLevel = "Yellow",
        tasks = new[] { new { kind = "DeIcing", title, count = 3, phase = "Prepare", dueFrom = "Onset", dueHours = -1 } },
        keptSnowAreas = new[] { new { name = "Jardin Exotique", areaWkt = kept } },
        serviceTargets = new[] { new { name = "Bridges clear", kinds = new[] { "DeIcing" }, hours = 2, from = "Activation" } },
    };

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Should_show_the_configured_plan_as_version_1()
    {
        var plans = await _api.As("committee").GetFromJsonAsync<JsonElement>("/api/plans");

        var plan = Assert.Single(plans.EnumerateArray());
        Assert.Equal(("snow", 1, "configuration"), (plan.GetProperty("name").GetString(), plan.GetProperty("version").GetInt32(),
            plan.GetProperty("createdBy").GetString()));
        Assert.Equal("De-ice bridges", plan.GetProperty("plan").GetProperty("tasks")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_save_an_edit_as_the_next_version_and_keep_the_first()
    {
        using var saved = await _api.As("admin", "root").PutAsJsonAsync("/api/plans/snow", Plan());

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        var committee = _api.As("committee");
        var versions = await committee.GetFromJsonAsync<JsonElement>("/api/plans/snow/versions");
        Assert.Equal([(2, "root"), (1, "configuration")],
            versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("createdBy").GetString())));
        var first = await committee.GetFromJsonAsync<JsonElement>("/api/plans/snow/versions/1");
        Assert.Equal("De-ice bridges", first.GetProperty("plan").GetProperty("tasks")[0].GetProperty("title").GetString());
        var latest = await committee.GetFromJsonAsync<JsonElement>("/api/plans/snow");
        Assert.Equal("De-ice bridges and ramps", latest.GetProperty("plan").GetProperty("tasks")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_save_over_a_version_someone_else_saved_meanwhile()
    {
        var admin = _api.As("admin");
        using var first = new HttpRequestMessage(HttpMethod.Put, "/api/plans/snow") { Content = JsonContent.Create(Plan("First edit")) };
        first.Headers.IfMatch.ParseAdd("\"1\"");
        using var second = new HttpRequestMessage(HttpMethod.Put, "/api/plans/snow") { Content = JsonContent.Create(Plan("Second edit")) };
        second.Headers.IfMatch.ParseAdd("\"1\"");

        using var won = await admin.SendAsync(first);
        using var lost = await admin.SendAsync(second);

        Assert.Equal(HttpStatusCode.Created, won.StatusCode);
        Assert.Contains("no longer at version 1", (await ProblemAsync(lost, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var latest = await _api.As("committee").GetFromJsonAsync<JsonElement>("/api/plans/snow");
        Assert.Equal("First edit", latest.GetProperty("plan").GetProperty("tasks")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Should_name_every_problem_of_a_plan_that_is_not_valid_and_keep_the_stored_one()
    {
        using var response = await _api.As("admin").PutAsJsonAsync("/api/plans/snow", Plan("", [], "POLYGON ((1 2, 3 4))"));

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("hazards", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tasks[0].title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("keptSnowAreas[0].areaWkt", StringComparison.Ordinal));
        var versions = await _api.As("committee").GetFromJsonAsync<JsonElement>("/api/plans/snow/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_malformed_json_a_name_that_differs_and_callers_without_the_role()
    {
        var admin = _api.As("admin");
        using var malformed = await admin.PutAsync("/api/plans/snow", new StringContent("{\"name\": \"snow\", \"minLevel\": 7", Encoding.UTF8, "application/json"));
        using var wrongType = await admin.PutAsync("/api/plans/snow", new StringContent("{\"name\": \"snow\", \"tasks\": \"many\"}", Encoding.UTF8, "application/json"));
        using var renamed = await admin.PutAsJsonAsync("/api/plans/other", Plan());
        using var dispatcher = await _api.As("dispatcher").PutAsJsonAsync("/api/plans/snow", Plan());
        using var anonymous = await _api.Anonymous.PutAsJsonAsync("/api/plans/snow", Plan());

        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
        await ProblemAsync(wrongType, HttpStatusCode.BadRequest);
        Assert.Contains("named 'snow'", (await ProblemAsync(renamed, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAsync(await _api.As("committee").GetAsync("/api/plans/ghost"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_keep_an_event_on_the_version_it_started_with_and_stop_proposing_a_retired_plan()
    {
        var dispatcher = _api.As("dispatcher");
        using var opened = await dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Yellow", title = "Snow tonight" });
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var edited = await _api.As("admin").PutAsJsonAsync("/api/plans/snow", Plan());
        Assert.Equal(HttpStatusCode.Created, edited.StatusCode);

        var snowEvent = await EventuallyAsync(dispatcher, $"/api/snow-events/{id}");
        Assert.Equal(("snow", 1), (snowEvent.GetProperty("plan").GetString(), snowEvent.GetProperty("planVersion").GetInt32()));

        using var retired = await _api.As("admin").DeleteAsync("/api/plans/snow");
        using var again = await _api.As("admin").DeleteAsync("/api/plans/snow");
        using var refused = await dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Yellow", title = "More snow" });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("No plan answers", (await ProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    static async Task<JsonElement> EventuallyAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"GET {path} still answers {(int)response.StatusCode}");
            await Task.Delay(50);
        }
    }
}
