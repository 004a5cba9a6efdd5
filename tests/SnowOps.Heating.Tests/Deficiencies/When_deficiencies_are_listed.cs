using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SnowOps.Contracts;
using SnowOps.Heating.Tests.Readings;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Deficiencies;

/// <summary>A cold home posted over HTTP becomes a deficiency the committee can list.</summary>
public sealed class When_deficiencies_are_listed : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await _api.SeedAsync("north", "n1", "n2");
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    async Task PostAsync(string compoundId, double reading)
    {
        var response = await _api.As(Roles.Crew).PostAsJsonAsync("/api/heating/readings",
            new { compoundId, readings = new[] { reading, reading, reading, reading, reading } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Should_list_the_open_deficiency_of_a_cold_compound_and_not_the_warm_one()
    {
        await PostAsync("n1", 16.5);
        await PostAsync("n2", 19.0);
        await _api.ConsumedAsync<IndoorTemperatureRecorded>(2);

        var open = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/deficiencies?open=true");
        var closed = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/deficiencies?open=false");

        var deficiency = Assert.Single(open.EnumerateArray());
        Assert.Equal(("n1", "north", 16.5, 1), (deficiency.GetProperty("compoundId").GetString(), deficiency.GetProperty("companyId").GetString(),
            deficiency.GetProperty("averageCelsius").GetDouble(), deficiency.GetProperty("round").GetInt32()));
        Assert.Empty(closed.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.As(Roles.Crew).GetAsync("/api/heating/deficiencies")).StatusCode);
    }
}
