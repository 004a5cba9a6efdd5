using System.Net.Http.Json;
using System.Text.Json;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Supply;

/// <summary>Supply advice goes out to every heat station before the cold arrives, and not again while nothing changes.</summary>
public sealed class When_the_cold_is_forecast : IAsyncLifetime
{
    readonly SupplyApi _api = new(new() { ["SnowOps:Heating:Supply:Stations:st-2:OffsetCelsius"] = "3" });

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.AddStationsAsync("north-heat", null, "st-1", "st-2");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    /// <summary>Mild for seven hours, then a cold front: −15 °C from hour 8 on.</summary>
    static readonly double[] ColdFront = [2, 1, 0, -1, -2, -3, -4, -10, -15, -15, -15, -15, -15];

    [Fact]
    public async Task Should_advise_every_station_as_soon_as_the_forecast_arrives()
    {
        var start = _api.Now;

        (await _api.ForecastAsync(start.AddHours(-1), start, ColdFront)).EnsureSuccessStatusCode();

        var advised = _api.Advised();
        Assert.Equal([("st-1", 68.5), ("st-2", 71.5)], advised.Select(a => (a.StationId, a.SupplyCelsius)));
        Assert.All(advised, a => Assert.Equal((-4, "north-heat", start, start.AddHours(6)), (a.OutdoorCelsius, a.CompanyId, a.From, a.Until)));
    }

    [Fact]
    public async Task Should_advise_the_front_before_it_arrives_and_not_again_for_the_same_inputs()
    {
        var start = _api.Now;
        (await _api.ForecastAsync(start.AddHours(-1), start, ColdFront)).EnsureSuccessStatusCode();
        Assert.Equal(0, await _api.AdviseAsync());

        _api.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(2, await _api.AdviseAsync());
        Assert.Equal(0, await _api.AdviseAsync());

        var front = _api.Advised().Skip(2).ToList();
        Assert.Equal([("st-1", 85.0), ("st-2", 88.0)], front.Select(a => (a.StationId, a.SupplyCelsius)));
        Assert.All(front, a => Assert.True(a.Advised < start.AddHours(8), "published before the −15 °C arrives"));
        Assert.All(front, a => Assert.Equal(-15, a.OutdoorCelsius));
        Assert.Equal(4, _api.Advised().Count);
    }

    [Fact]
    public async Task Should_not_advise_again_for_a_change_below_the_minimum()
    {
        var start = _api.Now;
        (await _api.ForecastAsync(start.AddHours(-2), start, ColdFront)).EnsureSuccessStatusCode();

        var slightlyColder = ColdFront.Select(c => c - 0.5).ToArray();
        (await _api.ForecastAsync(start.AddHours(-1), start, slightlyColder)).EnsureSuccessStatusCode();
        Assert.Equal(2, _api.Advised().Count);

        var muchColder = ColdFront.Select(c => c - 2).ToArray();
        (await _api.ForecastAsync(start, start, muchColder)).EnsureSuccessStatusCode();
        Assert.Equal([("st-1", 71.5), ("st-2", 74.5)], _api.Advised().Skip(2).Select(a => (a.StationId, a.SupplyCelsius)));
    }

    [Fact]
    public async Task Should_advise_nothing_without_a_forecast()
    {
        Assert.Equal(0, await _api.AdviseAsync());

        (await _api.ForecastAsync(_api.Now.AddHours(-1), _api.Now.AddHours(24), -20)).EnsureSuccessStatusCode();

        Assert.Empty(_api.Advised());
    }

    [Fact]
    public async Task Should_list_each_station_with_what_its_advice_was_made_from()
    {
        (await _api.ForecastAsync(_api.Now.AddHours(-1), _api.Now, ColdFront)).EnsureSuccessStatusCode();

        var listed = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/supply");

        var second = listed.GetProperty("stations")[1];
        Assert.Equal("st-2", second.GetProperty("stationId").GetString());
        Assert.Equal((-4.0, 68.5, 3.0, 0.0, 95.0, false, 71.5),
            (second.GetProperty("forecastLowCelsius").GetDouble(), second.GetProperty("curveCelsius").GetDouble(),
                second.GetProperty("offsetCelsius").GetDouble(), second.GetProperty("planRaiseCelsius").GetDouble(),
                second.GetProperty("capCelsius").GetDouble(), second.GetProperty("capped").GetBoolean(), second.GetProperty("supplyCelsius").GetDouble()));
        Assert.Equal(5, listed.GetProperty("curve").GetArrayLength());
        Assert.Equal(6, listed.GetProperty("leadHours").GetDouble());
    }
}
