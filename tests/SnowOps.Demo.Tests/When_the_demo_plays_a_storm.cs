using System.Text.Json;
using System.Text.RegularExpressions;

namespace SnowOps.Demo.Tests;

/// <summary>
/// The whole demo, sped up: the host started with <c>--demo</c> loads its city, plays the warning, activates the event,
/// and its simulated crews clear the storm by pressing their cards' buttons and sharing live locations through the bot's
/// webhook. Nothing in the test acts on the host; it only reads what happened.
/// </summary>
public sealed partial class When_the_demo_plays_a_storm : IAsyncLifetime
{
    DemoProcess _demo = null!;

    public Task InitializeAsync()
    {
        _demo = DemoProcess.Start(new Dictionary<string, string>
        {
            ["SnowOps:Demo:AutoActivateSeconds"] = "1",
            ["SnowOps:Demo:OnsetSeconds"] = "3",
            ["SnowOps:Demo:RouteSeconds"] = "6",
            ["SnowOps:Demo:StopsPerRoute"] = "15",
            ["SnowOps:Demo:WorkSeconds"] = "0.2",
            ["SnowOps:Demo:PressSeconds"] = "0.1",
            ["SnowOps:Demo:ReadingsPerCheck"] = "1",
            ["SnowOps:Dispatch:ClockSeconds"] = "1",
            ["SnowOps:Heating:SchedulerSeconds"] = "2",
            ["SnowOps:Routing:Planner:TimeLimitSeconds"] = "1",
            ["SnowOps:CrewBot:Telegram:PerChatInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SnowOps.Demo"] = "Information",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [GeneratedRegex(@"Storm: cleared in [\d.]+ minutes")]
    private static partial Regex Cleared();

    [Fact]
    public async Task Should_clear_the_storm_through_the_bot_and_record_the_crews_positions_and_readings()
    {
        using var committee = await _demo.CommitteeAsync();
        await _demo.PrintedAsync(Cleared(), seconds: 50);

        var snowEvent = Assert.Single((await DemoProcess.GetAsync(committee, "/api/snow-events")).EnumerateArray());
        Assert.Equal("Restore", snowEvent.GetProperty("phase").GetString());
        var id = snowEvent.GetProperty("id").GetGuid();
        var tasks = (await DemoProcess.GetAsync(committee, $"/api/snow-events/{id}/tasks")).EnumerateArray().ToList();
        var routes = tasks.Where(t => t.GetProperty("kind").GetString() == "PlowRoute" && t.GetProperty("geometryWkt").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(4, routes.Count);
        Assert.Contains(tasks, t => t.GetProperty("title").GetString()!.StartsWith("Clear snow piles", StringComparison.Ordinal));
        Assert.All(tasks, t => Assert.Equal("Completed", t.GetProperty("state").GetString()));
        // Progress comes only from the live locations the crews shared in their chats (15 along each route here).
        Assert.All(routes, r =>
        {
            Assert.True(r.GetProperty("segmentsDone").GetInt32() > 0, $"no segment of {r.GetProperty("title")} was passed");
            Assert.InRange(r.GetProperty("percentDone").GetDouble(), 0.01, 100);
            Assert.Equal(JsonValueKind.Number, r.GetProperty("latitude").ValueKind);
        });

        var timeline = (await DemoProcess.GetAsync(committee, $"/api/snow-events/{id}/timeline")).EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("what").GetString()!.Contains("activat", StringComparison.OrdinalIgnoreCase));

        var readings = await ReadingsAsync(committee);
        Assert.All(readings, r => Assert.InRange(r.GetProperty("averageCelsius").GetDouble(), 14, 24));
        var summary = await DemoProcess.GetAsync(committee, "/api/status/summary");
        Assert.Equal(tasks.Count, summary.GetProperty("snowEvents")[0].GetProperty("tasks").GetProperty("completed").GetInt32());
    }

    /// <summary>The heating inspectors answer their temperature checks by the /reading dialog alongside the storm.</summary>
    static async Task<List<JsonElement>> ReadingsAsync(HttpClient committee)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var readings = (await DemoProcess.GetAsync(committee, "/api/heating/readings")).EnumerateArray().ToList();
            if (readings.Count > 0)
                return readings;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException("No indoor temperature reading arrived.");
            await Task.Delay(500);
        }
    }
}
