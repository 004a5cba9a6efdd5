using System.Net;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// The refused changes of the matrix again, aimed at a snow event and a shift that exist and with bodies that would be
/// carried out for a dispatcher: the refusal comes first, whatever the request holds.
/// </summary>
[Collection(SecuredHost.Collection)]
public sealed class When_refused_callers_aim_at_real_things(SecuredHost host)
{
    [Fact]
    public async Task Should_leave_the_snow_event_proposed_and_the_shift_planned()
    {
        using var dispatcher = new Api(host.Host.BaseAddress, host.Token(Roles.Dispatcher));
        var snowEvent = await OpenSnowEventAsync(dispatcher);
        var shift = await PlanShiftAsync(dispatcher);
        var changes = new (string Method, string Path, object? Body)[]
        {
            ("POST", $"/api/snow-events/{snowEvent}/activate", null),
            ("POST", $"/api/snow-events/{snowEvent}/phase", new { phase = "Clear" }),
            ("POST", $"/api/snow-events/{snowEvent}/snow-stopped", new { }),
            ("POST", $"/api/snow-events/{snowEvent}/stand-down", new { reason = "not yours to end" }),
            ("DELETE", $"/api/shifts/{shift}", null),
        };
        using var caller = host.Caller();
        var before = await Snapshot.TakeAsync(caller, host.Token(Roles.Admin));

        var wrong = new List<string>();
        foreach (var role in Who.Callers.Where(r => !Who.Dispatch.Allows(r)))
        {
            using var api = new Api(host.Host.BaseAddress, role is null ? null : host.Token(role));
            foreach (var (method, path, body) in changes)
            {
                using var response = method == "DELETE" ? await api.DeleteAsync(path) : await api.PostAsync(path, body);
                if ((int)response.StatusCode != (role is null ? 401 : 403))
                    wrong.Add($"{method} {path} as {role ?? "no token"}: {(int)response.StatusCode}");
            }
        }
        var after = await Snapshot.TakeAsync(caller, host.Token(Roles.Admin));

        Assert.True(wrong.Count == 0, "Not refused:\n  " + string.Join("\n  ", wrong));
        Assert.Equal("Proposed", (await dispatcher.GetJsonAsync($"/api/snow-events/{snowEvent}")).GetProperty("phase").GetString());
        Assert.Equal(before, after);
    }

    static async Task<string> OpenSnowEventAsync(Api dispatcher)
    {
        var onset = DateTimeOffset.UtcNow.AddDays(2);
        using var opened = await dispatcher.PostAsync("/api/snow-events",
            new { hazard = "Snowstorm", level = "Yellow", title = "Matrix storm", plan = "snow-standard", onset, expires = onset.AddDays(1) });
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        var id = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => dispatcher.GetAsync($"/api/snow-events/{id}"), r => r.IsSuccessStatusCode, "the snow event to be stored");
        return id;
    }

    static async Task<string> PlanShiftAsync(Api dispatcher)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3), TimeSpan.Zero);
        using var planned = await dispatcher.PostAsync("/api/shifts", new { crewId = "heating-1", start, end = start.AddHours(8) });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        return JsonDocument.Parse(await planned.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
