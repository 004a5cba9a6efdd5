using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SnowOps.Contracts;
using SnowOps.Heating.Tests.Readings;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Heating.Tests.Complaints;

/// <summary>
/// The whole module together: a hotline complaint about a compound, then a measurement there, and the report counts the
/// time from the call to the check.
/// </summary>
public sealed class When_a_complaint_is_answered_by_a_check : IAsyncLifetime
{
    readonly HeatingApi _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Should_report_the_hours_from_the_call_to_the_check()
    {
        await _api.SeedAsync(HeatingApi.CompanyId, "hujialou-3");
        await _api.QueryAsync(async db =>
        {
            var compound = await db.Compounds.FindAsync("hujialou-3");
            compound!.Address = "Hujialou Road No. 3";
            return await db.SaveChangesAsync();
        });
        var called = _api.Time.GetUtcNow().AddHours(-5);
        using var complaint = await _api.As(Roles.Hotline, "12345").PostAsJsonAsync("/api/heating/complaints", new
        {
            service_code = "heating-cold", service_request_id = "12345-0001", description = "Living room at 15 °C",
            address_string = "Hujialou Road No. 3", requested_datetime = called, source = "12345",
        });
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);

        using var reading = await _api.As(Roles.Crew, "inspector-7").PostAsJsonAsync("/api/heating/readings", new
        {
            compoundId = "hujialou-3", readings = new[] { 18.6, 18.4, 18.9, 18.7, 19.0 }, measured = _api.Time.GetUtcNow(),
        });
        Assert.True(reading.IsSuccessStatusCode, await reading.Content.ReadAsStringAsync());
        // The reading is stored by its consumer, off the request: the report counts it once that has run.
        await _api.ConsumedAsync<IndoorTemperatureRecorded>(1);

        var from = Uri.EscapeDataString(called.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(_api.Time.GetUtcNow().AddDays(1).ToString("O"));
        var report = await _api.As(Roles.Committee).GetFromJsonAsync<JsonElement>($"/api/heating/report?from={from}&to={to}");
        var delay = report.GetProperty("complaintToCheck");
        Assert.Equal((1, 5.0), (delay.GetProperty("count").GetInt32(), Math.Round(delay.GetProperty("maxHours").GetDouble(), 2)));
    }
}
