using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SnowOps.Dispatch.Tests;

public sealed class When_the_roster_is_changed_over_HTTP(DispatchApi api) : IClassFixture<DispatchApi>
{
    static object Crew(string name = "Night spreader", string[]? kinds = null) =>
        new { name, kinds = kinds ?? ["DeIcing"], zone = "north", vehicleId = "spreader-9", alwaysOnDuty = false };

    static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token()
    {
        using var response = await api.Anonymous.GetAsync("/api/crews");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_let_the_committee_read_the_roster_but_not_change_it()
    {
        var committee = api.As("committee");

        using var read = await committee.GetAsync("/api/crews");
        using var change = await committee.PutAsJsonAsync("/api/crews/committee-crew", Crew());
        using var shift = await committee.PostAsJsonAsync("/api/shifts", new { crewId = "plow-1", start = api.Now, end = api.Now.AddHours(1) });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shift.StatusCode);
    }

    [Fact]
    public async Task Should_add_a_crew_and_show_it_on_the_roster()
    {
        using var put = await api.As("admin").PutAsJsonAsync("/api/crews/night-3", Crew());
        using var again = await api.As("admin").PutAsJsonAsync("/api/crews/night-3", Crew("Night spreader 3", ["DeIcing", "PlowRoute"]));
        var roster = await api.As("dispatcher").GetFromJsonAsync<JsonElement>("/api/crews");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("/api/crews/night-3", put.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var crew = roster.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "night-3");
        Assert.Equal("Night spreader 3", crew.GetProperty("name").GetString());
        Assert.Equal(["DeIcing", "PlowRoute"], crew.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("spreader-9", crew.GetProperty("vehicleId").GetString());
        Assert.False(crew.GetProperty("onDuty").GetBoolean());
        Assert.False(crew.GetProperty("retired").GetBoolean());
    }

    [Theory]
    [InlineData("bad%20id", null, "crew id")]
    [InlineData("-starts-with-a-dash", null, "crew id")]
    [InlineData("on-duty", null, "crew id")]
    [InlineData("good-id", "Flying", "Unknown kind 'Flying'")]
    [InlineData("good-id", "7", "Unknown kind '7'")]
    public async Task Should_refuse_a_malformed_crew(string id, string? kind, string expected)
    {
        using var response = await api.As("admin").PutAsJsonAsync($"/api/crews/{id}", Crew(kinds: kind is null ? null : [kind]));

        Assert.Contains(expected, await ProblemAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_refuse_a_crew_without_a_name_or_with_a_name_too_long()
    {
        using var blank = await api.As("admin").PutAsJsonAsync("/api/crews/nameless", Crew(name: " "));
        using var longName = await api.As("admin").PutAsJsonAsync("/api/crews/wordy", Crew(name: new string('x', 129)));

        Assert.Contains("name", await ProblemAsync(blank, HttpStatusCode.BadRequest));
        Assert.Contains("name", await ProblemAsync(longName, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Should_retire_a_crew_keep_it_on_record_and_not_reuse_its_id()
    {
        var admin = api.As("admin");
        using var put = await admin.PutAsJsonAsync("/api/crews/old-timer", Crew());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var retire = await admin.DeleteAsync("/api/crews/old-timer");
        using var reuse = await admin.PutAsJsonAsync("/api/crews/old-timer", Crew());
        using var shift = await api.As("dispatcher").PostAsJsonAsync("/api/shifts", new { crewId = "old-timer", start = api.Now, end = api.Now.AddHours(8) });
        using var unknown = await admin.DeleteAsync("/api/crews/nobody");
        var crew = await admin.GetFromJsonAsync<JsonElement>("/api/crews/old-timer");

        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        Assert.True(crew.GetProperty("retired").GetBoolean());
        Assert.Contains("retired", await ProblemAsync(reuse, HttpStatusCode.UnprocessableEntity));
        Assert.Contains("retired", await ProblemAsync(shift, HttpStatusCode.UnprocessableEntity));
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_put_a_crew_on_duty_for_its_shift_and_off_when_the_shift_is_ended()
    {
        using var put = await api.As("admin").PutAsJsonAsync("/api/crews/evening-1", Crew());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var dispatcher = api.As("dispatcher");

        using var planned = await dispatcher.PostAsJsonAsync("/api/shifts",
            new { crewId = "evening-1", start = api.Now.AddHours(-1), end = api.Now.AddHours(7), vehicleId = "spreader-4", zone = "east" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var shiftId = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var onDuty = await dispatcher.GetFromJsonAsync<JsonElement>("/api/crews/on-duty");
        var evening = onDuty.EnumerateArray().Single(c => c.GetProperty("crewId").GetString() == "evening-1");
        Assert.Equal("spreader-4", evening.GetProperty("vehicleId").GetString());
        Assert.Equal("east", evening.GetProperty("zone").GetString());
        Assert.Equal(0, evening.GetProperty("openTasks").GetInt32());
        Assert.Contains(onDuty.EnumerateArray(), c => c.GetProperty("crewId").GetString() == "plow-1" && c.GetProperty("standing").GetBoolean());

        using var ended = await dispatcher.DeleteAsync($"/api/shifts/{shiftId}");
        using var endedAgain = await dispatcher.DeleteAsync($"/api/shifts/{shiftId}");
        using var unknown = await dispatcher.DeleteAsync($"/api/shifts/{Guid.NewGuid()}");
        var after = await dispatcher.GetFromJsonAsync<JsonElement>("/api/crews/on-duty");
        var shifts = await dispatcher.GetFromJsonAsync<JsonElement>("/api/shifts?crewId=evening-1");

        Assert.Equal("ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await ProblemAsync(endedAgain, HttpStatusCode.Conflict);
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.DoesNotContain(after.EnumerateArray(), c => c.GetProperty("crewId").GetString() == "evening-1");
        Assert.Equal(api.Now, Assert.Single(shifts.EnumerateArray()).GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task Should_refuse_shifts_that_cannot_be_worked()
    {
        using var put = await api.As("admin").PutAsJsonAsync("/api/crews/day-2", Crew());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var dispatcher = api.As("dispatcher");
        var start = api.Now.AddHours(1);
        using var first = await dispatcher.PostAsJsonAsync("/api/shifts", new { crewId = "day-2", start, end = start.AddHours(8) });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        async Task<string> RefusedAsync(object body, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
        {
            using var response = await dispatcher.PostAsJsonAsync("/api/shifts", body);
            return await ProblemAsync(response, status);
        }

        Assert.Contains("no crew 'ghost'", await RefusedAsync(new { crewId = "ghost", start, end = start.AddHours(8) }));
        Assert.Contains("end must come after start", await RefusedAsync(new { crewId = "day-2", start = start.AddDays(2), end = start.AddDays(2) }));
        Assert.Contains("at most 24 h", await RefusedAsync(new { crewId = "day-2", start = start.AddDays(2), end = start.AddDays(3).AddMinutes(1) }));
        Assert.Contains("already has a shift", await RefusedAsync(new { crewId = "day-2", start = start.AddHours(7), end = start.AddHours(12) }));
        Assert.Contains("over already", await RefusedAsync(new { crewId = "day-2", start = start.AddDays(-2), end = start.AddDays(-2).AddHours(8) }));
        Assert.Contains("crewId", await RefusedAsync(new { start, end = start.AddHours(1) }, HttpStatusCode.BadRequest));
        Assert.Contains("start and end", await RefusedAsync(new { crewId = "day-2" }, HttpStatusCode.BadRequest));
        using var next = await dispatcher.PostAsJsonAsync("/api/shifts", new { crewId = "day-2", start = start.AddHours(8), end = start.AddHours(16) });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_second_crew_in_a_vehicle_already_crewed_for_that_time()
    {
        var dispatcher = api.As("dispatcher");
        var start = api.Now.AddHours(1);
        using var first = await dispatcher.PostAsJsonAsync("/api/shifts", new { crewId = "plow-1", start, end = start.AddHours(8), vehicleId = "plow-9" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var clash = await dispatcher.PostAsJsonAsync("/api/shifts", new { crewId = "plow-2", start = start.AddHours(4), end = start.AddHours(12), vehicleId = "plow-9" });
        using var after = await dispatcher.PostAsJsonAsync("/api/shifts", new { crewId = "plow-2", start = start.AddHours(8), end = start.AddHours(16), vehicleId = "plow-9" });

        Assert.Contains("Vehicle 'plow-9' is crewed by 'plow-1'", await ProblemAsync(clash, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Should_report_the_service_targets_of_an_active_event()
    {
        var dispatcher = api.As("dispatcher");
        using var opened = await dispatcher.PostAsJsonAsync("/api/snow-events", new { hazard = "Snowstorm", level = "Orange", title = "Snow", plan = "snow" });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The proposal is carried out on the bus: the event can be activated once it has been stored.
        await EventuallyAsync(async () =>
        {
            using var activated = await dispatcher.PostAsync($"/api/snow-events/{id}/activate", null);
            return activated.StatusCode;
        }, status => status == HttpStatusCode.Accepted);
        var report = await EventuallyAsync(async () =>
        {
            using var response = await api.As("committee").GetAsync($"/api/snow-events/{id}/service-report");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }, r => r.GetProperty("targets")[0].GetProperty("counted").GetInt32() == 2
            // The report is read by another request than the activation's: wait until it shows the activation too.
            && r.GetProperty("targets")[0].GetProperty("deadline").ValueKind == JsonValueKind.String);

        var target = report.GetProperty("targets")[0];
        Assert.Equal("Bridges de-iced", target.GetProperty("name").GetString());
        Assert.Equal(["DeIcing"], target.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(api.Now.AddHours(2), target.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal((2, 0), (target.GetProperty("needed").GetInt32(), target.GetProperty("done").GetInt32()));
        Assert.Equal("Pending", target.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("metAt").ValueKind);
    }

    static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var last = await read();
        while (!expected(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            last = await read();
        }
        Assert.True(expected(last), $"last seen: {last}");
        return last;
    }

    [Fact]
    public async Task Should_answer_not_found_for_the_service_report_of_an_unknown_event()
    {
        using var response = await api.As("committee").GetAsync($"/api/snow-events/{Guid.NewGuid()}/service-report");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
