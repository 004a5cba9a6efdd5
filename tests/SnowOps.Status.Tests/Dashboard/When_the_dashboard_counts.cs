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

public sealed class When_the_dashboard_counts : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 20, 0, TimeSpan.Zero);
    readonly LiveServer _server = new(new FakeTimeProvider(Now), new Dictionary<string, string?>());

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// An open event with 4 km of P1 (1 km plowed at 08:10, 3 km plowed at 10:00), 0.5 km of P2 being plowed, and a P1
    /// de-icing route; a closed event whose cleared routes must not count.
    /// </summary>
    async Task<(SnowEventRow Open, SnowEventRow Closed)> SeedAsync()
    {
        var open = Event(SnowPhase.Restore, Now.AddHours(-12));
        var closed = Event(SnowPhase.Closed, Now.AddDays(-2));
        var p1Short = Route(open, "P1", 1000, "plow-1");
        var p1Long = Route(open, "P1", 3000, "plow-2");
        var p2 = Route(open, "P2", 500, "plow-3");
        var brine = Route(open, "P1", 2000, "spreader-1");
        var oldRoute = Route(closed, "P1", 7000, "plow-1");
        await _server.WithDbAsync(db => db.SaveAsync(open, closed, p1Short, p1Long, p2, brine, oldRoute,
            TaskFor(p1Short, TaskKind.PlowRoute, TaskState.Completed, new DateTimeOffset(2026, 12, 1, 8, 10, 0, TimeSpan.Zero)),
            TaskFor(p1Long, TaskKind.PlowRoute, TaskState.Completed, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)),
            TaskFor(p2, TaskKind.PlowRoute, TaskState.Started, Now.AddMinutes(-10)),
            TaskFor(brine, TaskKind.DeIcing, TaskState.Completed, Now.AddMinutes(-30)),
            TaskFor(oldRoute, TaskKind.PlowRoute, TaskState.Completed, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)),
            Task(TaskKind.TemperatureCheck, TaskState.Assigned, Now.AddHours(-1)),
            Task(TaskKind.TemperatureCheck, TaskState.Escalated, Now.AddHours(-1)),
            Task(TaskKind.FrontageNotice, TaskState.Cancelled, Now.AddHours(-1))));
        return (open, closed);
    }

    [Fact]
    public async Task Should_give_the_share_of_route_length_cleared_by_priority_class()
    {
        var (open, _) = await SeedAsync();

        var kpis = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/kpis");

        var cleared = kpis.GetProperty("cleared").EnumerateArray()
            .Select(c => (c.GetProperty("priorityClass").GetString(), c.GetProperty("lengthMeters").GetDouble(),
                c.GetProperty("clearedMeters").GetDouble(), c.GetProperty("inProgressMeters").GetDouble(), c.GetProperty("clearedShare").GetDouble()))
            .ToList();
        Assert.Equal([("P1", 4000.0, 4000.0, 0.0, 1.0), ("P2", 500.0, 0.0, 500.0, 0.0)], cleared);
        var snowEvent = Assert.Single(kpis.GetProperty("snowEvents").EnumerateArray());
        Assert.Equal((open.SnowEventId, "Restore"), (snowEvent.GetProperty("id").GetGuid(), snowEvent.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task Should_count_open_tasks_by_state_leaving_out_finished_ones()
    {
        await SeedAsync();

        var kpis = await _server.As(Roles.Dispatcher).GetFromJsonAsync<JsonElement>("/api/status/kpis");

        var open = kpis.GetProperty("openTasks");
        Assert.Equal(3, open.GetProperty("total").GetInt32());
        var byState = open.GetProperty("byState");
        Assert.Equal((1, 1, 1, 0), (byState.GetProperty("Assigned").GetInt32(), byState.GetProperty("Started").GetInt32(),
            byState.GetProperty("Escalated").GetInt32(), byState.GetProperty("Accepted").GetInt32()));
        Assert.False(byState.TryGetProperty("Completed", out _));
    }

    [Fact]
    public async Task Should_give_the_heating_pass_rate_and_the_deficiencies_found()
    {
        await _server.WithDbAsync(db => db.SaveAsync(
            new CompoundReadingRow { CompoundId = "c-1", ReadingId = Guid.NewGuid(), AverageCelsius = 19, Measured = Now },
            new CompoundReadingRow { CompoundId = "c-2", ReadingId = Guid.NewGuid(), AverageCelsius = 20, Measured = Now },
            new CompoundReadingRow { CompoundId = "c-3", ReadingId = Guid.NewGuid(), AverageCelsius = 16, Measured = Now, BelowStandard = true },
            new DeficiencyRow { DeficiencyId = Guid.NewGuid(), CompoundId = "c-3", CompanyId = "h", AverageCelsius = 16, StandardCelsius = 18, Found = Now.AddHours(-1) },
            new DeficiencyRow { DeficiencyId = Guid.NewGuid(), CompoundId = "c-9", CompanyId = "h", AverageCelsius = 15, StandardCelsius = 18, Found = Now.AddDays(-3) }));

        var heating = (await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/kpis")).GetProperty("heating");

        Assert.Equal((3, 1, 0.6667, 2, 1), (heating.GetProperty("compoundsRead").GetInt32(), heating.GetProperty("belowStandard").GetInt32(),
            heating.GetProperty("passRate").GetDouble(), heating.GetProperty("deficienciesFound").GetInt32(),
            heating.GetProperty("deficienciesLast24Hours").GetInt32()));
    }

    [Fact]
    public async Task Should_bucket_completed_tasks_by_hour_and_follow_the_cleared_share_over_time()
    {
        await SeedAsync();

        var history = await _server.As(Roles.Committee).GetFromJsonAsync<JsonElement>("/api/status/history?hours=6");

        var buckets = history.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(5, 6).Select(h => new DateTimeOffset(2026, 12, 1, h, 0, 0, TimeSpan.Zero)),
            buckets.Select(b => b.GetProperty("start").GetDateTimeOffset()));
        // One plow route at 08:10, the de-icing route at 09:50, the other plow route at 10:00; the closed event's at 01:00 is too old.
        Assert.Equal([0, 0, 0, 1, 1, 1], buckets.Select(b => b.GetProperty("completed").GetInt32()));
        Assert.Equal([0, 0, 0, 0.25, 0.25, 1.0], buckets.Select(b => b.GetProperty("clearedByPriority").GetProperty("P1").GetDouble()));
        Assert.Equal(0.0, buckets[^1].GetProperty("clearedByPriority").GetProperty("P2").GetDouble());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("169")]
    [InlineData("a day")]
    public async Task Should_refuse_a_history_span_out_of_range(string hours)
    {
        using var response = await _server.As(Roles.Committee).GetAsync($"/api/status/history?hours={Uri.EscapeDataString(hours)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1 to 168", problem.GetProperty("detail").GetString());
    }
}
