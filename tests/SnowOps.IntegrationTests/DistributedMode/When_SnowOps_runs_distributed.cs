using System.Net;
using System.Security.Cryptography;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.DistributedMode;

/// <summary>
/// Two host processes from the same binary: one runs Weather, Dispatch, Routing and CrewBot, the other
/// Status and Heating. They share nothing but RabbitMQ and a PostgreSQL database with PostGIS.
/// </summary>
public sealed class When_SnowOps_runs_distributed : IAsyncLifetime
{
    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    HostProcess _operations = null!;
    HostProcess _status = null!;

    public async Task InitializeAsync()
    {
        await _infra.InitializeAsync();
        var operations = _infra.HostSettings("Weather,Dispatch,Routing,CrewBot", _key);
        operations["SnowOps__Weather__Zones__0__Code"] = "berchtesgaden";
        operations["SnowOps__Weather__Zones__0__Name"] = "Berchtesgadener Land";
        operations["SnowOps__Weather__Zones__0__Wkt"] = "POLYGON ((12.8 47.5, 13.0 47.5, 13.0 47.7, 12.8 47.7, 12.8 47.5))";
        operations["SnowOps__Weather__Zones__1__Code"] = "munich";
        operations["SnowOps__Weather__Zones__1__Name"] = "München";
        operations["SnowOps__Weather__Zones__1__Wkt"] = "POLYGON ((11.4 48.0, 11.7 48.0, 11.7 48.25, 11.4 48.25, 11.4 48.0))";
        _operations = await HostProcess.StartAsync(operations);
        _status = await HostProcess.StartAsync(_infra.HostSettings("Status,Heating", _key));
    }

    public async Task DisposeAsync()
    {
        await _operations.DisposeAsync();
        await _status.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Api As(HostProcess host, string role, string name) =>
        new(host.BaseAddress, TokenIssuer.Create(SigningKey.FromText(_key, "test"), name, [role], TimeSpan.FromHours(1)));

    [Fact]
    public async Task Should_carry_a_snow_warning_across_processes_into_PostGIS_and_the_status_read_model()
    {
        using var alerts = As(_operations, "alert-source", "dwd");
        using var dispatcher = As(_operations, "dispatcher", "ana");
        using var crew = As(_operations, "crew", "spreader-1");
        using var committee = As(_operations, "committee", "city");
        using var statusCommittee = As(_status, "committee", "city");

        var outcome = await new SnowFlow(alerts, dispatcher, crew, committee, statusCommittee).RunAsync();

        // The summary was read from the Status process, so every event crossed the broker to get there.
        Assert.Equal(outcome.SnowEventId, outcome.Summary.GetProperty("snowEvents")[0].GetProperty("id").GetGuid());
        using var notHere = await committee.GetAsync("/api/status/summary");
        Assert.Equal(HttpStatusCode.NotFound, notHere.StatusCode);

        // The alert's area is a real PostGIS geometry, and the read model is in PostgreSQL.
        Assert.Equal("geometry(Geometry,4326)", await _infra.ScalarAsync<string>(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'weather.alerts'::regclass AND attname = 'Area'"));
        Assert.True(await _infra.ScalarAsync<bool>(
            "SELECT ST_Contains(\"Area\", ST_SetSRID(ST_MakePoint(12.9, 47.6), 4326)) FROM weather.alerts"));
        Assert.Equal(1L, await _infra.ScalarAsync<long>("SELECT count(*) FROM status.tasks WHERE \"State\" = 'Completed'"));
        Assert.Equal("Prepare", await _infra.ScalarAsync<string>("SELECT \"CurrentState\" FROM dispatch.snow_events"));

        // PostGIS matched the warning's polygon to the zone it covers, and only that one.
        var matched = await committee.GetJsonAsync("/api/alerts?zone=berchtesgaden");
        Assert.Equal(["berchtesgaden"], Assert.Single(matched.EnumerateArray()).GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        Assert.Equal("geometry(Geometry,4326)", await _infra.ScalarAsync<string>(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'weather.zones'::regclass AND attname = 'Area'"));
    }

    [Fact]
    public async Task Should_use_quorum_queues_for_every_consumer()
    {
        var queues = await Eventually.HoldsAsync(_infra.QueuesAsync, q => q.GetArrayLength() > 0, "the consumers' queues");

        var ours = queues.EnumerateArray().Where(q => q.GetProperty("name").GetString()!.StartsWith("snowops", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, q => q.GetProperty("name").GetString() == "snowops-status-projection");
        Assert.Contains(ours, q => q.GetProperty("name").GetString() == "snowops-snow-event-state");
        // Each Status process's own push queue (the screens connected to it) is temporary, so not a quorum queue; the
        // consumers' shared queues all are.
        var shared = ours.Where(q => !q.GetProperty("name").GetString()!.Contains("-instance-", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, ours.Count - shared.Count);
        Assert.All(shared, q => Assert.Equal("quorum", q.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Should_report_ready_only_for_the_modules_each_process_runs()
    {
        using var http = new HttpClient { BaseAddress = _status.BaseAddress };
        var root = await http.GetStringAsync("/");
        using var ready = await http.GetAsync("/health/ready");
        var checks = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement
            .GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());

        Assert.Contains("Status", root);
        Assert.DoesNotContain("Dispatch", root);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", checks["status-database"]);
        Assert.Equal("Healthy", checks["heating-database"]);
        Assert.DoesNotContain("dispatch-database", checks.Keys);
        Assert.Contains(checks, c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value == "Healthy");
    }
}
