using System.Net;
using System.Net.Http.Json;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Risk;
using SnowOps.ServiceDefaults.Auth;
using static SnowOps.Heating.Tests.Checks.CheckHarness;

namespace SnowOps.Heating.Tests.Risk;

/// <summary>GET /api/heating/risk: the compounds ranked by risk, each score with its parts, from what Heating knows.</summary>
public sealed class When_compounds_are_ranked_over_HTTP : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    DateTimeOffset Now => _api.Inputs.Clock.Now;

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.AddAsync(Company("north-heat", 10), Company("south-heat", 10),
            Compound("new", "north-heat", built: 2020), Compound("old", "north-heat", built: 1966),
            Compound("cold", "south-heat", built: 2020, coldArea: true, coldSpots: 2), Compound("complained", "south-heat", built: 2020));
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    sealed record Part(string Name, double? Value, double Points, string Why);

    sealed record Ranked(int Rank, string CompoundId, string Name, string CompanyId, double Total, List<Part> Parts);

    sealed record Answer(double? LowestForecastCelsius, List<string> First, int Compounds, List<Ranked> Ranked);

    async Task<Answer> RankAsync(string query = "")
    {
        var response = await _api.As(Roles.Committee).GetAsync("/api/heating/risk" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>())!;
    }

    TemperatureReading Reading(string compound, double average, double daysAgo) => new()
    {
        Id = Guid.NewGuid(), CompoundId = compound, AverageCelsius = average, InspectorId = "inspector-1", Measured = Now.AddDays(-daysAgo),
        Readings = [average, average, average, average, average],
    };

    [Fact]
    public async Task Should_rank_highest_risk_first_with_each_part_shown()
    {
        _api.Inputs.Complaints.Counts["complained"] = 5;

        var answer = await RankAsync();

        Assert.Equal(["old", "complained", "cold", "new"], answer.Ranked.Select(r => r.CompoundId));
        Assert.Equal([1, 2, 3, 4], answer.Ranked.Select(r => r.Rank));
        Assert.Equal(4, answer.Compounds);
        var old = answer.Ranked[0];
        Assert.Equal(("Compound old", "north-heat", 30.0), (old.Name, old.CompanyId, old.Total));
        var age = Assert.Single(old.Parts, p => p.Name == "age");
        Assert.Equal((60.0, 30.0), (age.Value, age.Points));
        Assert.Contains("Built 1966", age.Why);
        Assert.All(answer.Ranked, r => Assert.Equal(r.Total, r.Parts.Sum(p => p.Points), precision: 6));
    }

    [Fact]
    public async Task Should_count_readings_below_or_near_the_standard_within_the_window()
    {
        await _api.AddAsync(Reading("new", 16.5, 2), Reading("new", 18.4, 3), Reading("new", 21, 1), Reading("new", 12, 45));

        var part = Assert.Single((await RankAsync()).Ranked.Single(r => r.CompoundId == "new").Parts, p => p.Name == "low-readings");

        Assert.Equal((2.0, 11.0), (part.Value, part.Points));
    }

    [Fact]
    public async Task Should_count_the_last_reading_imported_with_a_compound_when_no_readings_are_kept()
    {
        await _api.QueryAsync(async db =>
        {
            var c = await db.Compounds.FindAsync("new");
            (c!.LastReadingCelsius, c.LastReadingAt) = (17.2, Now.AddDays(-1));
            return await db.SaveChangesAsync();
        });

        var part = Assert.Single((await RankAsync()).Ranked.Single(r => r.CompoundId == "new").Parts, p => p.Name == "low-readings");

        Assert.Equal(8, part.Points);
    }

    [Fact]
    public async Task Should_score_the_coldest_forecast_of_the_next_hours()
    {
        _api.Inputs.Forecast.Lowest = -14;

        var answer = await RankAsync();

        Assert.Equal(-14, answer.LowestForecastCelsius);
        Assert.Equal((Now, Now.AddHours(48)), _api.Inputs.Forecast.Asked);
        Assert.All(answer.Ranked, r => Assert.Equal(14, r.Parts.Single(p => p.Name == "forecast").Points));
    }

    [Fact]
    public async Task Should_put_the_plans_first_compounds_first_while_its_event_lasts()
    {
        _api.Inputs.Complaints.Counts["complained"] = 9;
        Assert.Equal("complained", (await RankAsync()).Ranked[0].CompoundId);
        await _api.AddAsync(new ColdOperation
        {
            Id = ColdOperation.EventKey(Guid.NewGuid()), Kind = ColdOperation.SnowEvent, CheckEveryHours = 12, First = "old", Started = Now,
            Until = Now.AddDays(2),
        });

        var answer = await RankAsync();

        Assert.Equal(["old"], answer.First);
        Assert.Equal("old", answer.Ranked[0].CompoundId);
        Assert.Equal(60, answer.Ranked[0].Total);
    }

    [Fact]
    public async Task Should_rank_one_companys_compounds_and_cut_at_top()
    {
        var answer = await RankAsync("?company=south-heat&top=1");

        Assert.Equal(2, answer.Compounds);
        Assert.Equal("cold", Assert.Single(answer.Ranked).CompoundId);
    }

    [Theory]
    [InlineData("?top=0", HttpStatusCode.BadRequest)]
    [InlineData("?top=10001", HttpStatusCode.BadRequest)]
    [InlineData("?company=nobody", HttpStatusCode.NotFound)]
    public async Task Should_answer_a_bad_query_with_a_problem(string query, HttpStatusCode status)
    {
        var response = await _api.As(Roles.Dispatcher).GetAsync("/api/heating/risk" + query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_show_the_ranking_only_to_those_who_watch_the_operation()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync("/api/heating/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Crew).GetAsync("/api/heating/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.As(Roles.Dispatcher).GetAsync("/api/heating/risk")).StatusCode);
    }
}
