using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Status.Projections;
using SnowOps.Status.Tests.Live;
using static SnowOps.Status.Tests.Dashboard.DashboardSeed;

namespace SnowOps.Status.Tests.Dashboard;

public sealed class When_the_dashboard_reads_the_map : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 20, 0, TimeSpan.Zero);
    readonly LiveServer _server = new(new FakeTimeProvider(Now), new Dictionary<string, string?>());

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/api/status/map")]
    [InlineData("/api/status/kpis")]
    [InlineData("/api/status/history")]
    [InlineData("/api/status/config")]
    public async Task Should_want_a_token(string path)
    {
        using var response = await _server.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/status/map")]
    [InlineData("/api/status/kpis")]
    [InlineData("/api/status/history")]
    [InlineData("/api/status/config")]
    public async Task Should_refuse_a_crew(string path)
    {
        using var response = await _server.As(Roles.Crew).GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_give_each_open_route_its_geometry_and_the_task_made_from_it()
    {
        var open = Event(SnowPhase.Clear, Now.AddHours(-5));
        var closed = Event(SnowPhase.Closed, Now.AddDays(-3));
        var route = Route(open, "P1", 1234.5, "plow-1");
        var waiting = Route(open, "P2", 800, "plow-2");
        var old = Route(closed, "P1", 999, "plow-9");
        var cancelled = TaskFor(route, TaskKind.PlowRoute, TaskState.Cancelled, Now.AddHours(-3));
        cancelled.Assigned = Now.AddHours(-4);
        var done = TaskFor(route, TaskKind.PlowRoute, TaskState.Completed, Now.AddMinutes(-40));
        done.Assigned = Now.AddHours(-2);
        await _server.WithDbAsync(db => db.SaveAsync(open, closed, route, waiting, old, cancelled, done));

        var map = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/map");

        var routes = map.GetProperty("routes").EnumerateArray().ToList();
        Assert.Equal([route.RouteId, waiting.RouteId], routes.Select(r => r.GetProperty("routeId").GetGuid()));
        var drawn = routes[0];
        Assert.Equal(("P1", "plow-1", 1234.5), (drawn.GetProperty("priorityClass").GetString(), drawn.GetProperty("vehicleId").GetString(),
            drawn.GetProperty("lengthMeters").GetDouble()));
        var geometry = drawn.GetProperty("geometry");
        Assert.Equal("MultiLineString", geometry.GetProperty("type").GetString());
        Assert.Equal(2, geometry.GetProperty("coordinates").GetArrayLength());
        Assert.Equal([7.42, 43.73], geometry.GetProperty("coordinates")[0][0].EnumerateArray().Select(c => c.GetDouble()));
        var task = drawn.GetProperty("task");
        Assert.Equal((done.TaskId, "Completed", Now.AddMinutes(-40)),
            (task.GetProperty("taskId").GetGuid(), task.GetProperty("state").GetString(), task.GetProperty("completed").GetDateTimeOffset()));
        Assert.Equal(JsonValueKind.Null, routes[1].GetProperty("task").ValueKind);
    }

    [Fact]
    public async Task Should_show_one_event_on_request_even_when_it_is_closed()
    {
        var closed = Event(SnowPhase.Closed, Now.AddDays(-3));
        var old = Route(closed, "P1", 999, "plow-9");
        await _server.WithDbAsync(db => db.SaveAsync(closed, old));

        var map = await _server.As(Roles.Dispatcher).GetFromJsonAsync<JsonElement>($"/api/status/map?snowEventId={closed.SnowEventId}");

        Assert.Equal([old.RouteId], map.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("routeId").GetGuid()));
    }

    [Fact]
    public async Task Should_place_each_truck_where_its_crew_last_reported()
    {
        var open = Event(SnowPhase.Clear, Now.AddHours(-5));
        var route = Route(open, "P1", 1000, "plow-1");
        var earlier = TaskFor(route, TaskKind.PlowRoute, TaskState.Completed, Now.AddHours(-2));
        (earlier.Latitude, earlier.Longitude, earlier.PositionReported) = (43.70, 7.40, Now.AddHours(-2));
        var later = TaskFor(Route(open, "P2", 500, "plow-1"), TaskKind.PlowRoute, TaskState.Started, Now.AddMinutes(-5));
        (later.Latitude, later.Longitude, later.PositionReported) = (43.75, 7.45, Now.AddMinutes(-5));
        var nowhere = TaskFor(route, TaskKind.DeIcing, TaskState.Assigned, Now.AddMinutes(-1), crew: "spreader-1");
        await _server.WithDbAsync(db => db.SaveAsync(open, earlier, later, nowhere));

        var map = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/map");

        var truck = Assert.Single(map.GetProperty("trucks").EnumerateArray());
        Assert.Equal(("plow-1", 43.75, 7.45, later.TaskId),
            (truck.GetProperty("crewId").GetString(), truck.GetProperty("lat").GetDouble(), truck.GetProperty("lon").GetDouble(),
                truck.GetProperty("taskId").GetGuid()));
    }

    [Fact]
    public async Task Should_give_each_compound_its_newest_reading()
    {
        await _server.WithDbAsync(db => db.SaveAsync(
            new CompoundReadingRow { CompoundId = "c-2", ReadingId = Guid.NewGuid(), AverageCelsius = 16.5, Measured = Now, BelowStandard = true },
            new CompoundReadingRow { CompoundId = "c-1", ReadingId = Guid.NewGuid(), AverageCelsius = 19.2, Measured = Now }));

        var map = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/map");

        Assert.Equal([("c-1", 19.2, false), ("c-2", 16.5, true)], map.GetProperty("compounds").EnumerateArray()
            .Select(c => (c.GetProperty("compoundId").GetString(), c.GetProperty("averageCelsius").GetDouble(), c.GetProperty("belowStandard").GetBoolean())));
    }
}
