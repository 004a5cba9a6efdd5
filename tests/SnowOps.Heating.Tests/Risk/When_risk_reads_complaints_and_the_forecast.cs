using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FullApi = SnowOps.Heating.Tests.Readings.HeatingApi;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Risk;

/// <summary>The whole module together: the ranking's complaint and forecast parts come from the complaints kept and the forecast posted.</summary>
public sealed class When_risk_reads_complaints_and_the_forecast : IAsyncLifetime
{
    readonly FullApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_score_the_complaints_and_the_coldest_forecast()
    {
        await _api.SeedAsync(FullApi.CompanyId, "hujialou-3", "tuanjiehu-1");
        await _api.QueryAsync(async db =>
        {
            (await db.Compounds.FindAsync("hujialou-3"))!.Address = "Hujialou Road No. 3";
            return await db.SaveChangesAsync();
        });
        var now = _api.Time.GetUtcNow();
        foreach (var n in new[] { 1, 2 })
        {
            using var complaint = await _api.As(Roles.Hotline, "12345").PostAsJsonAsync("/api/heating/complaints", new
            {
                service_code = "heating-cold", service_request_id = $"12345-{n}", address_string = "Hujialou Road No. 3",
                requested_datetime = now.AddHours(-n), source = "12345",
            });
            Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        }
        using var forecast = await _api.As(Roles.AlertSource, "cma").PostAsJsonAsync("/api/heating/forecast", new
        {
            source = "cma", issued = now.AddMinutes(-5),
            points = Enumerable.Range(0, 12).Select(h => new { at = now.AddHours(h), celsius = -5.0 - h }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, forecast.StatusCode);

        var ranking = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/heating/risk");

        Assert.True(ranking.GetProperty("lowestForecastCelsius").GetDouble() < -10, ranking.ToString());
        var first = ranking.GetProperty("ranked")[0];
        Assert.Equal("hujialou-3", first.GetProperty("compoundId").GetString());
        var complaints = first.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "complaints");
        Assert.Equal(2, complaints.GetProperty("value").GetDouble());
        var cold = first.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "forecast");
        Assert.True(cold.GetProperty("points").GetDouble() > 0, cold.ToString());
    }
}
