using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Heating.Forecasts;
using SnowOps.Heating.Tests.Supply;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Forecasts;

/// <summary>At each moment the latest issued forecast that covers it is the one in force, whatever order they arrived in.</summary>
public sealed class When_forecasts_overlap : IAsyncLifetime
{
    readonly SupplyApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    DateTimeOffset Now => _api.Now;

    Task<double?> LowestAsync(double fromHours, double untilHours) => _api.WithAsync(s =>
        s.GetRequiredService<OutdoorForecast>().LowestAsync(Now.AddHours(fromHours), Now.AddHours(untilHours), CancellationToken.None));

    Task<double?> MeanAsync(double fromHours, double untilHours) => _api.WithAsync(s =>
        s.GetRequiredService<OutdoorForecast>().MeanAsync(Now.AddHours(fromHours), Now.AddHours(untilHours), CancellationToken.None));

    /// <summary>An early issue of twelve mild hours, then a later one that brings −15 °C into hours 3 to 6.</summary>
    async Task PostBothAsync(bool laterFirst)
    {
        var early = () => _api.ForecastAsync(Now.AddHours(-6), Now, Enumerable.Repeat(-5.0, 13).ToArray());
        var later = () => _api.ForecastAsync(Now.AddHours(-1), Now.AddHours(3), -15, -15, -15, -15);
        foreach (var post in laterFirst ? new[] { later, early } : [early, later])
            (await post()).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_take_the_latest_issue_where_it_covers_and_the_earlier_elsewhere(bool laterArrivesFirst)
    {
        await PostBothAsync(laterArrivesFirst);

        Assert.Equal(-15, await LowestAsync(0, 12));
        Assert.Equal(-5, await LowestAsync(0, 2));
        Assert.Equal(-5, await LowestAsync(7, 12));
        Assert.Equal(-15, await LowestAsync(4, 5));
        Assert.Equal(-15, await MeanAsync(3, 6));
        Assert.Equal((2 * -5 + 3 * -15 + 2 * -5) / 7.0, (double)(await MeanAsync(1, 8))!, 6);
    }

    [Fact]
    public async Task Should_let_the_latest_of_many_hourly_issues_win_over_colder_older_ones()
    {
        for (var hour = 12; hour >= 1; hour--)
            (await _api.ForecastAsync(Now.AddHours(-hour), Now.AddHours(-hour), Enumerable.Repeat(-8.0 - hour, 48).ToArray())).EnsureSuccessStatusCode();

        Assert.Equal(-9, await LowestAsync(0, 24));
        Assert.Equal(-9, await MeanAsync(0, 24));
        Assert.Equal(-9, await LowestAsync(-1, 0));
        Assert.Equal(-10, await LowestAsync(-1.5, -1));
    }

    [Fact]
    public async Task Should_show_the_points_in_force()
    {
        await PostBothAsync(laterFirst: false);

        var shown = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/forecast");

        var points = shown.GetProperty("points").EnumerateArray()
            .Select(p => ((p.GetProperty("at").GetDateTimeOffset() - Now).TotalHours, p.GetProperty("celsius").GetDouble())).ToList();
        Assert.Equal([(0.0, -5.0), (1, -5), (2, -5), (3, -15), (4, -15), (5, -15), (6, -15), (7, -5), (8, -5), (9, -5), (10, -5), (11, -5), (12, -5)], points);
    }

    [Fact]
    public async Task Should_be_linear_between_points_and_have_nothing_where_no_forecast_reaches()
    {
        (await _api.ForecastAsync(Now.AddHours(-1), Now, -2, -8)).EnsureSuccessStatusCode();

        Assert.Equal(-5, (double)(await LowestAsync(0, 0.5))!, 6);
        Assert.Equal(-3.5, (double)(await MeanAsync(0, 0.5))!, 6);
        Assert.Null(await LowestAsync(2, 10));
        Assert.Null(await LowestAsync(-10, -1));
    }

    [Fact]
    public async Task Should_prefer_a_zone_forecast_for_that_zone_and_leave_the_city_its_own()
    {
        (await _api.ForecastAsync(Now.AddHours(-2), Now, -4, -4, -4)).EnsureSuccessStatusCode();
        var zoneForecast = new { source = "met", issued = Now.AddHours(-3), zone = "north", points = new[] { new { at = Now, celsius = -11.0 }, new { at = Now.AddHours(1), celsius = -12.0 } } };
        (await _api.As(Roles.AlertSource).PostAsJsonAsync("/api/heating/forecast", zoneForecast)).EnsureSuccessStatusCode();

        var north = await _api.WithAsync(s => s.GetRequiredService<OutdoorForecast>().LowestInZoneAsync(Now, Now.AddHours(2), "north", CancellationToken.None));

        Assert.Equal(-12, north);
        Assert.Equal(-4, await LowestAsync(0, 2));
    }
}
