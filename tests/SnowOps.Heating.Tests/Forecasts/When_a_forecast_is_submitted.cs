using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Tests.Supply;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Forecasts;

/// <summary>An outdoor forecast comes in through the API: checked, kept once per issue, and shown as the points in force.</summary>
public sealed class When_a_forecast_is_submitted : IAsyncLifetime
{
    readonly SupplyApi _api = new(new() { ["SnowOps:Heating:Forecast:MaxPoints"] = "48", ["SnowOps:Heating:Forecast:MaxBodyBytes"] = "8192" });

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    DateTimeOffset Issued => _api.Now.AddHours(-1);

    [Fact]
    public async Task Should_keep_it_and_show_its_points()
    {
        using var response = await _api.ForecastAsync(Issued, _api.Now, -3, -6.5, -9);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Created", 3), (created.GetProperty("outcome").GetString(), created.GetProperty("points").GetInt32()));
        var shown = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/forecast");
        Assert.Equal([-3, -6.5, -9], shown.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("celsius").GetDouble()));
        Assert.Equal(-9, shown.GetProperty("lowestCelsius").GetDouble());
        Assert.Equal("met", shown.GetProperty("points")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_take_the_same_issue_twice_as_one()
    {
        using var first = await _api.ForecastAsync(Issued, _api.Now, -3, -6);
        using var again = await _api.ForecastAsync(Issued.ToOffset(TimeSpan.FromHours(8)), _api.Now, -3, -6);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal((1, 2), await _api.QueryAsync(async db => (await db.ForecastIssues.CountAsync(), await db.ForecastPoints.CountAsync())));
    }

    [Fact]
    public async Task Should_refuse_other_values_under_an_issue_already_kept()
    {
        using var first = await _api.ForecastAsync(Issued, _api.Now, -3, -6);
        using var changed = await _api.ForecastAsync(Issued, _api.Now, -3, -12);

        await ProblemAsync(changed, HttpStatusCode.Conflict, "already stored with other values");
        var shown = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/forecast");
        Assert.Equal(-6, shown.GetProperty("lowestCelsius").GetDouble());
    }

    [Fact]
    public async Task Should_refuse_temperatures_no_city_sees()
    {
        using var response = await _api.ForecastAsync(Issued, _api.Now, -3, -75);

        await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "points[1].celsius is -75");
        Assert.Equal(0, await _api.QueryAsync(db => db.ForecastIssues.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_points_out_of_time_order()
    {
        var body = new { source = "met", issued = Issued, points = new[] { new { at = _api.Now.AddHours(2), celsius = -1.0 }, new { at = _api.Now, celsius = -2.0 } } };

        using var response = await _api.As(Roles.AlertSource).PostAsJsonAsync("/api/heating/forecast", body);

        await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "time order");
    }

    [Fact]
    public async Task Should_refuse_a_forecast_issued_in_the_future()
    {
        using var response = await _api.ForecastAsync(_api.Now.AddHours(1), _api.Now, -3);

        await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "issued lies in the future");
    }

    [Theory]
    [InlineData("""{ "issued": "2026-01-01T00:00:00Z", "points": [{ "at": "2026-01-01T01:00:00Z", "celsius": -1 }] }""", "source is required")]
    [InlineData("""{ "source": "met", "points": [{ "at": "2026-01-01T01:00:00Z", "celsius": -1 }] }""", "issued is required")]
    [InlineData("""{ "source": "met", "issued": "2026-01-01T00:00:00Z", "points": [] }""", "points is required")]
    [InlineData("""{ "source": "met", "issued": "2026-01-01T00:00:00Z", "points": [{ "celsius": -1 }] }""", "points[0] needs both at and celsius")]
    [InlineData("""{ "source": "met", "issued": "yesterday" }""", "not a forecast")]
    [InlineData("", "body is empty")]
    public async Task Should_answer_a_malformed_forecast_with_400(string json, string detail)
    {
        using var response = await _api.As(Roles.AlertSource).PostAsync("/api/heating/forecast", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Should_refuse_more_points_than_the_limit()
    {
        using var response = await _api.ForecastAsync(Issued, _api.Now, Enumerable.Repeat(-5.0, 49).ToArray());

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "at most 48 points; 49 were given");
    }

    [Fact]
    public async Task Should_refuse_a_body_over_the_limit()
    {
        var json = $$"""{ "source": "met", "issued": "2026-01-01T00:00:00Z", "points": [], "padding": "{{new string('x', 9000)}}" }""";

        using var response = await _api.As(Roles.AlertSource).PostAsync("/api/heating/forecast", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "limited to 8192 bytes");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Crew, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Committee, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Dispatcher, HttpStatusCode.Forbidden)]
    [InlineData(Roles.AlertSource, HttpStatusCode.Created)]
    [InlineData(Roles.Admin, HttpStatusCode.Created)]
    public async Task Should_take_forecasts_only_from_alert_sources(string? role, HttpStatusCode expected)
    {
        var client = role is null ? _api.Anonymous : _api.As(role);
        var body = new { source = "met", issued = Issued, points = new[] { new { at = _api.Now, celsius = -4.0 } } };

        using var response = await client.PostAsJsonAsync("/api/heating/forecast", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, await _api.QueryAsync(db => db.ForecastIssues.CountAsync()));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Crew, HttpStatusCode.Forbidden)]
    [InlineData(Roles.AlertSource, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Committee, HttpStatusCode.OK)]
    [InlineData(Roles.Dispatcher, HttpStatusCode.OK)]
    public async Task Should_show_the_forecast_and_the_advice_to_those_who_watch(string? role, HttpStatusCode expected)
    {
        var client = role is null ? _api.Anonymous : _api.As(role);

        using var forecast = await client.GetAsync("/api/heating/forecast");
        using var supply = await client.GetAsync("/api/heating/supply");

        Assert.Equal((expected, expected), (forecast.StatusCode, supply.StatusCode));
    }

    static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string detail)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }
}
