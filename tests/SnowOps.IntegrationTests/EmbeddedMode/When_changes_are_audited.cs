using System.Net;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.EmbeddedMode;

/// <summary>Every change asked of the host, allowed or refused, is on the audit trail with who asked and what they were answered.</summary>
public sealed class When_changes_are_audited(EmbeddedHost host) : IClassFixture<EmbeddedHost>
{
    [Fact]
    public async Task Should_record_who_opened_a_snow_event_and_who_was_refused_and_not_what_was_only_read()
    {
        using var dispatcher = await host.AsAsync("dispatcher", "ana");
        using var crew = await host.AsAsync("crew", "plow-1");
        using var committee = await host.AsAsync("committee", "city");
        var body = new { hazard = "Snowstorm", level = "Blue", title = "Opened by hand" };

        using var opened = await dispatcher.PostAsync("/api/snow-events", body);
        Assert.True(opened.IsSuccessStatusCode, $"POST /api/snow-events answered {(int)opened.StatusCode}");
        using var refused = await crew.PostAsync("/api/snow-events", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await committee.GetJsonAsync("/api/snow-events");

        var trail = await Eventually.HoldsAsync(() => committee.GetJsonAsync("/api/status/audit"),
            t => t.GetArrayLength() >= 2, "both calls on the audit trail");
        var entries = trail.EnumerateArray()
            .Select(a => (Who: a.GetProperty("who").GetString(), Method: a.GetProperty("method").GetString(), Path: a.GetProperty("path").GetString(),
                Status: a.GetProperty("status").GetInt32()))
            .ToList();
        Assert.Contains(("ana", "POST", "/api/snow-events", (int)opened.StatusCode), entries);
        Assert.Contains(("plow-1", "POST", "/api/snow-events", 403), entries);
        Assert.DoesNotContain(entries, e => e.Method == "GET");
    }
}
