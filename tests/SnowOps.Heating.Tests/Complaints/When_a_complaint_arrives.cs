using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Tests.Registry;

namespace SnowOps.Heating.Tests.Complaints;

/// <summary>
/// A hotline hands in a complaint the Open311 way; it is matched to the compound it is about, by position and then by
/// address, and one that matches nothing is kept for a person to assign.
/// </summary>
public sealed class When_a_complaint_arrives : IAsyncLifetime
{
    readonly HeatingApi _api = new();
    HttpClient _hotline = null!;
    int _next;

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.ImportCompaniesAndStationsAsync();
        (await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"))).EnsureSuccessStatusCode();
        _hotline = _api.As("hotline", "hotline-12345");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    async Task<JsonElement> ComplainAsync(double? lat = null, double? lon = null, string? address = null, string? id = null)
    {
        var response = await _hotline.PostAsJsonAsync("/api/heating/complaints", new Dictionary<string, object?>
        {
            ["service_request_id"] = id ?? $"12345-2026-{++_next:D5}",
            ["service_code"] = "heating-cold",
            ["description"] = "Radiators barely warm since last night",
            ["lat"] = lat,
            ["long"] = lon,
            ["address_string"] = address,
            ["requested_datetime"] = _api.Now.AddMinutes(-30).ToString("O"),
            ["source"] = "12345",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await HeatingApi.JsonAsync(response);
    }

    static (string? CompoundId, string MatchedBy, bool NeedsPerson) Outcome(JsonElement complaint) =>
        (complaint.GetProperty("compoundId").GetString(), complaint.GetProperty("matchedBy").GetString()!, complaint.GetProperty("needsPerson").GetBoolean());

    [Fact]
    public async Task Should_match_the_compound_whose_outline_holds_the_position()
    {
        var complaint = await ComplainAsync(lat: 39.931, lon: 116.451);

        Assert.Equal(("maple-court", "Inside", false), Outcome(complaint));
    }

    [Fact]
    public async Task Should_match_the_nearest_compound_within_150_metres()
    {
        // 0.0015° of longitude east of Maple Court's edge is about 128 m; Birch Yard is about 213 m away.
        var complaint = await ComplainAsync(lat: 39.931, lon: 116.4535);

        Assert.Equal(("maple-court", "Nearest", false), Outcome(complaint));
    }

    [Fact]
    public async Task Should_match_a_compound_known_only_as_a_point()
    {
        var complaint = await ComplainAsync(lat: 39.9215, lon: 116.4805);

        Assert.Equal(("cedar-row", "Nearest", false), Outcome(complaint));
    }

    [Fact]
    public async Task Should_fall_back_to_the_address_when_the_position_is_far_from_every_compound()
    {
        var complaint = await ComplainAsync(lat: 39.99, lon: 116.30, address: "CEDAR ROW No.７, East District, building 3, flat 501");

        Assert.Equal(("cedar-row", "Address", false), Outcome(complaint));
    }

    [Theory]
    [InlineData("12 Maple Road, flat 1204", "maple-court")]
    [InlineData("maple court building 2", "maple-court")]
    [InlineData("No. 3 birch street", "birch-yard")]
    [InlineData("13 Birch Street", null)]
    [InlineData("North District", null)]
    public async Task Should_match_by_address_or_name_as_normalised_text(string address, string? compoundId)
    {
        var complaint = await ComplainAsync(address: address);

        Assert.Equal(compoundId, complaint.GetProperty("compoundId").GetString());
    }

    [Fact]
    public async Task Should_match_against_a_compound_added_since_the_last_complaint()
    {
        Assert.True((await ComplainAsync(lat: 39.95, lon: 116.50)).GetProperty("needsPerson").GetBoolean());

        (await _api.Admin.PutAsJsonAsync("/api/heating/compounds/elm-court",
            new { name = "Elm Court", company_id = "east-heat", wkt = "POINT (116.5 39.95)" })).EnsureSuccessStatusCode();

        Assert.Equal(("elm-court", "Nearest", false), Outcome(await ComplainAsync(lat: 39.95, lon: 116.50)));
    }

    [Fact]
    public async Task Should_see_an_outline_changed_by_another_process()
    {
        Assert.Equal("maple-court", (await ComplainAsync(lat: 39.931, lon: 116.451)).GetProperty("compoundId").GetString());

        await _api.QueryAsync(db => db.Compounds.Where(c => c.CompoundId == "maple-court").ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Geometry, SnowOps.ServiceDefaults.Data.Wgs84.ReadWkt("POINT (117 40)"))
            .SetProperty(c => c.Version, c => c.Version + 1)));

        Assert.Null((await ComplainAsync(lat: 39.931, lon: 116.451)).GetProperty("compoundId").GetString());
    }

    [Fact]
    public async Task Should_keep_a_complaint_that_matches_no_compound_and_flag_it_for_a_person()
    {
        var complaint = await ComplainAsync(address: "99 Nowhere Street");

        Assert.Equal((null, "None", true), Outcome(complaint));
        var unmatched = await HeatingApi.JsonAsync(await _api.As("dispatcher").GetAsync("/api/heating/complaints?unmatched=true"));
        var listed = Assert.Single(unmatched.GetProperty("items").EnumerateArray());
        Assert.Equal("99 Nowhere Street", listed.GetProperty("address_string").GetString());
    }

    [Fact]
    public async Task Should_keep_a_complaint_that_says_nothing_of_where()
    {
        var complaint = await ComplainAsync();

        Assert.True(complaint.GetProperty("needsPerson").GetBoolean());
        Assert.Equal(1, await _api.QueryAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Should_let_a_person_assign_an_unmatched_complaint()
    {
        var complaint = await ComplainAsync(address: "the tall building by the river");
        var id = complaint.GetProperty("id").GetGuid();

        var response = await _api.As("dispatcher", "dora").PostAsJsonAsync($"/api/heating/complaints/{id}/assign", new { compoundId = "birch-yard" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _api.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        Assert.Equal(("birch-yard", ComplaintMatch.Person, false, "dora"), (stored.CompoundId, stored.MatchedBy, stored.NeedsPerson, stored.AssignedBy));
        var unmatched = await HeatingApi.JsonAsync(await _api.As("dispatcher").GetAsync("/api/heating/complaints?unmatched=true"));
        Assert.Equal(0, unmatched.GetProperty("total").GetInt32());
        var birch = await HeatingApi.JsonAsync(await _api.As("committee").GetAsync("/api/heating/compounds/birch-yard/complaints"));
        Assert.Equal(id, Assert.Single(birch.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Should_refuse_to_assign_to_a_compound_nobody_registered_or_a_complaint_that_does_not_exist()
    {
        var complaint = await ComplainAsync(address: "nowhere");
        var dispatcher = _api.As("dispatcher");

        var ghostCompound = await dispatcher.PostAsJsonAsync($"/api/heating/complaints/{complaint.GetProperty("id").GetGuid()}/assign", new { compoundId = "ghost" });
        var ghostComplaint = await dispatcher.PostAsJsonAsync($"/api/heating/complaints/{Guid.NewGuid()}/assign", new { compoundId = "birch-yard" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ghostCompound.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ghostComplaint.StatusCode);
        Assert.True((await _api.QueryAsync(db => db.Complaints.SingleAsync())).NeedsPerson);
    }

    [Fact]
    public async Task Should_keep_one_complaint_when_the_hotline_sends_the_same_request_twice()
    {
        var first = await ComplainAsync(lat: 39.931, lon: 116.451, id: "12345-2026-77777");

        var again = await _hotline.PostAsJsonAsync("/api/heating/complaints",
            new { service_request_id = "12345-2026-77777", source = "12345", description = "calling again", lat = 39.931, @long = 116.451 });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await HeatingApi.JsonAsync(again)).GetProperty("id").GetGuid());
        var stored = await _api.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        Assert.Equal("Radiators barely warm since last night", stored.Description);
    }

    [Fact]
    public async Task Should_keep_apart_two_hotlines_that_use_the_same_request_id()
    {
        await ComplainAsync(id: "2026-1");

        var other = await _hotline.PostAsJsonAsync("/api/heating/complaints", new { service_request_id = "2026-1", source = "96069" });

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await _api.QueryAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Should_take_a_form_encoded_request_as_open311_sends_it()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_request_id"] = "96069-88",
            ["source"] = "96069",
            ["service_code"] = "heating-cold",
            ["lat"] = "39.931",
            ["long"] = "116.457",
            ["requested_datetime"] = "2026-11-20T07:15:00+08:00",
        });

        var response = await _hotline.PostAsync("/api/heating/complaints", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await _api.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        Assert.Equal(("birch-yard", "96069", new DateTimeOffset(2026, 11, 19, 23, 15, 0, TimeSpan.Zero)), (stored.CompoundId, stored.Source, stored.Requested.ToUniversalTime()));
    }

    [Fact]
    public async Task Should_take_complaints_only_from_a_hotline()
    {
        var body = new { service_request_id = "x-1", address_string = "12 Maple Road" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.PostAsJsonAsync("/api/heating/complaints", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("crew").PostAsJsonAsync("/api/heating/complaints", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As("committee").PostAsJsonAsync("/api/heating/complaints", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hotline.PostAsJsonAsync($"/api/heating/complaints/{Guid.NewGuid()}/assign", new { compoundId = "maple-court" })).StatusCode);
        Assert.Equal(0, await _api.QueryAsync(db => db.Complaints.CountAsync()));
    }

    [Theory]
    [InlineData("""{"description":"cold"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"service_request_id":"a","lat":39.9}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"service_request_id":"a","lat":"north","long":116.4}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"service_request_id":"a","lat":139.9,"long":116.4}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"service_request_id":"a","requested_datetime":"2999-01-01T00:00:00Z"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"service_request_id":"a"},{"service_request_id":"b"}]""", HttpStatusCode.BadRequest)]
    [InlineData("""{"service_request_id":""", HttpStatusCode.BadRequest)]
    public async Task Should_answer_a_clear_4xx_to_a_request_it_cannot_take(string json, HttpStatusCode status)
    {
        var response = await _hotline.PostAsync("/api/heating/complaints", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _api.QueryAsync(db => db.Complaints.CountAsync()));
    }
}

/// <summary>How near counts as near is the city's choice.</summary>
public sealed class When_a_city_sets_its_own_matching_distance : IAsyncLifetime
{
    readonly HeatingApi _api = new(new() { ["SnowOps:Heating:ComplaintMatchMeters"] = "50" });

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.ImportCompaniesAndStationsAsync();
        (await _api.ImportAsync("compounds", HeatingApi.Sample("compounds.csv"))).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_not_match_a_compound_farther_than_that()
    {
        var response = await _api.As("hotline").PostAsJsonAsync("/api/heating/complaints",
            new { service_request_id = "n-1", lat = 39.931, @long = 116.4535 });

        var complaint = await HeatingApi.JsonAsync(response);
        Assert.True(complaint.GetProperty("needsPerson").GetBoolean());
    }
}
