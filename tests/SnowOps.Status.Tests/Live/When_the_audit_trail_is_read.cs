using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using static SnowOps.Status.Tests.StatusHistory;

namespace SnowOps.Status.Tests.Live;

public sealed class When_the_audit_trail_is_read : IAsyncLifetime
{
    readonly LiveServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    static ActionAudited Entry(string who, string role, string path, int status, DateTimeOffset at) =>
        new(Guid.NewGuid(), who, [role], "POST", path, status, at, ["Dispatch"], "trace-" + who);

    async Task<List<JsonElement>> ReadAsync(string query)
    {
        var trail = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/audit" + query);
        return [.. trail.EnumerateArray()];
    }

    [Fact]
    public async Task Should_keep_each_entry_once_and_answer_newest_first_by_who_time_and_refusal()
    {
        var activation = Entry("ana", Roles.Dispatcher, "/api/snow-events/1/activate", 202, T0.AddMinutes(10));
        var refused = Entry("plow-1", Roles.Crew, "/api/snow-events/1/activate", 403, T0.AddMinutes(20));
        var import = Entry("ops", Roles.Admin, "/api/network", 200, T0.AddMinutes(30));
        await _server.DeliverAsync(activation, activation, refused, import);

        var all = await ReadAsync("");
        Assert.Equal(["ops", "plow-1", "ana"], all.Select(a => a.GetProperty("who").GetString()));
        Assert.Equal((202, "/api/snow-events/1/activate", "dispatcher", "trace-ana"), (all[2].GetProperty("status").GetInt32(),
            all[2].GetProperty("path").GetString(), all[2].GetProperty("roles")[0].GetString(), all[2].GetProperty("traceId").GetString()));

        Assert.Equal(["ana"], (await ReadAsync("?who=ana")).Select(a => a.GetProperty("who").GetString()));
        Assert.Equal(["plow-1"], (await ReadAsync("?refused=true")).Select(a => a.GetProperty("who").GetString()));
        // Bounds in another offset mean the same instants: 08:15+08:00 is 00:15 UTC, between the activation and the refusal.
        var from = Uri.EscapeDataString(T0.AddMinutes(15).ToOffset(TimeSpan.FromHours(8)).ToString("O"));
        Assert.Equal(["ops", "plow-1"], (await ReadAsync($"?from={from}")).Select(a => a.GetProperty("who").GetString()));
        Assert.Equal(["ops"], (await ReadAsync("?take=1")).Select(a => a.GetProperty("who").GetString()));
    }

    [Fact]
    public async Task Should_show_the_trail_only_to_those_who_watch_and_refuse_a_bad_query()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Anonymous.GetAsync("/api/status/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _server.As(Roles.Crew).GetAsync("/api/status/audit")).StatusCode);
        using var tooMany = await _server.As(Roles.Dispatcher).GetAsync("/api/status/audit?take=5000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
    }
}
