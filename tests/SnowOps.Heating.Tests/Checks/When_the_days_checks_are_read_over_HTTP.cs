using System.Net;
using System.Net.Http.Json;
using SnowOps.Heating.Tests.Risk;
using SnowOps.ServiceDefaults.Auth;
using static SnowOps.Heating.Tests.Checks.CheckHarness;

namespace SnowOps.Heating.Tests.Checks;

/// <summary>GET /api/heating/checks: the day's schedule per company, with the capacity used and the checks waiting.</summary>
public sealed class When_the_days_checks_are_read_over_HTTP : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.AddAsync(Company("north-heat", 2, zone: "north"), Compound("a1", "north-heat", built: 1960), Compound("a2", "north-heat", built: 1970),
            Compound("a3", "north-heat", built: 1980));
        await _api.ScheduleAsync();
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    sealed record Check(string CompoundId, string SourceKey, string State, double Risk, DateTimeOffset? RequestedAt);

    sealed record CompanyDay(string CompanyId, int Capacity, int Used, int Waiting, List<Check> Checks);

    sealed record Answer(string Date, List<CompanyDay> Companies);

    [Fact]
    public async Task Should_list_todays_checks_highest_risk_first_with_the_capacity_used_and_the_ones_waiting()
    {
        var answer = (await _api.As(Roles.Committee).GetFromJsonAsync<Answer>("/api/heating/checks"))!;

        Assert.Equal("2026-12-07", answer.Date);
        var north = Assert.Single(answer.Companies);
        Assert.Equal(("north-heat", 2, 2, 1), (north.CompanyId, north.Capacity, north.Used, north.Waiting));
        Assert.Equal(["a1:requested", "a2:requested", "a3:waiting"], north.Checks.Select(c => $"{c.CompoundId}:{c.State}"));
        Assert.Equal("heating:check:a1:2026120701", north.Checks[0].SourceKey);
        Assert.True(north.Checks[0].Risk > north.Checks[1].Risk);
    }

    [Fact]
    public async Task Should_show_another_day_without_todays_waiting_list()
    {
        var answer = (await _api.As(Roles.Dispatcher).GetFromJsonAsync<Answer>("/api/heating/checks?date=2026-12-06"))!;

        var north = Assert.Single(answer.Companies);
        Assert.Equal((0, 0), (north.Used, north.Waiting));
        Assert.Empty(north.Checks);
    }

    [Theory]
    [InlineData("?date=7.12.2026", HttpStatusCode.BadRequest)]
    [InlineData("?date=2026-13-01", HttpStatusCode.BadRequest)]
    public async Task Should_refuse_a_date_it_cannot_read(string query, HttpStatusCode status)
    {
        var response = await _api.As(Roles.Committee).GetAsync("/api/heating/checks" + query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_show_the_schedule_only_to_those_who_watch_the_operation()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous.GetAsync("/api/heating/checks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Crew).GetAsync("/api/heating/checks")).StatusCode);
    }
}
