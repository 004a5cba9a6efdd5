using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SnowOps.IntegrationTests.EmbeddedMode;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.Testing;
using SnowOps.Testing.Telegram;
using Xunit.Abstractions;

namespace SnowOps.IntegrationTests.Fuzz;

/// <summary>An embedded host with the Telegram bot on a webhook, its Bot API a local fake (started first).</summary>
public sealed class BotHost : EmbeddedHost
{
    public const string Secret = "fuzz-secret";

    public FakeBotApi Telegram { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SnowOps__CrewBot__Telegram__Token"] = FakeBotApi.Token,
        ["SnowOps__CrewBot__Telegram__BaseUrl"] = Telegram.BaseUrl,
        ["SnowOps__CrewBot__Telegram__Mode"] = "Webhook",
        ["SnowOps__CrewBot__Telegram__WebhookSecret"] = Secret,
    };

    public override async Task InitializeAsync()
    {
        Telegram = await FakeBotApi.StartAsync();
        await base.InitializeAsync();
    }

    public Task<Api> AsAsync(string role) => AsAsync(role, "fuzz");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}

/// <summary>
/// What comes in from outside, in its own format, mutated: real Telegram updates at the bot's webhook, the registry's CSV
/// files at their imports, a street network as GeoJSON. Never a 5xx; a refused network import leaves the stored one as
/// it was.
/// </summary>
public sealed class When_what_enters_from_outside_is_mutated(BotHost bot, ITestOutputHelper output) : IClassFixture<BotHost>
{
    const int PerSample = 40;

    [Fact]
    public async Task Should_answer_every_mutated_telegram_update_without_a_server_error()
    {
        var samples = Directory.GetFiles(Path.Combine(Repo.Root, "..", "shared", "samples", "telegram"), "update-*.json")
            .SelectMany(Updates).ToList();
        Assert.NotEmpty(samples);
        using var webhook = new HttpClient { BaseAddress = bot.Host.BaseAddress };
        var random = new Random(20261126);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var (name, update) in samples)
        {
            for (var i = 0; i < PerSample; i++)
            {
                var done = new List<string>();
                var body = i == 0 ? update : JsonMutations.Apply(update, random, done);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
                using var response = await webhook.SendAsync(request);
                Count(statuses, (int)response.StatusCode);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{name} #{i} ({string.Join("; ", done)}): {(int)response.StatusCode}");
            }
        }
        output.WriteLine($"{samples.Count} updates x {PerSample}: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    [Fact]
    public async Task Should_answer_every_mutated_registry_file_without_a_server_error()
    {
        using var admin = await bot.AsAsync("admin");
        var folder = Path.Combine(Repo.Root, "src", "SnowOps.Demo", "Assets");
        var random = new Random(20261127);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var kind in new[] { "companies", "stations", "compounds" })
        {
            var csv = await File.ReadAllTextAsync(Path.Combine(folder, $"heating-{kind}.csv"));
            using (var original = await admin.PostTextAsync($"/api/heating/{kind}/import", csv, "text/csv"))
                Assert.True(original.IsSuccessStatusCode, $"The demo's {kind} file was refused: {(int)original.StatusCode}");
            for (var i = 0; i < PerSample; i++)
            {
                var done = new List<string>();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/heating/{kind}/import")
                {
                    Content = new ByteArrayContent(CsvMutations.Apply(csv, random, done)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                using var response = await admin.SendAsync(request);
                Count(statuses, (int)response.StatusCode);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{kind} #{i} ({string.Join("; ", done)}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                else if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{kind} #{i} ({string.Join("; ", done)}): {(int)response.StatusCode} without problem details");
            }
        }
        output.WriteLine($"3 files x {PerSample}: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    [Fact]
    public async Task Should_keep_the_stored_network_whenever_a_mutated_one_is_refused()
    {
        using var admin = await bot.AsAsync("admin");
        var grid = Encoding.UTF8.GetBytes(Grid());
        using (var first = await admin.PostTextAsync("/api/network", Grid(), "application/geo+json"))
            Assert.True(first.IsSuccessStatusCode, $"The grid was refused: {(int)first.StatusCode}");
        var stored = (await admin.GetJsonAsync("/api/network/summary")).GetRawText();
        var random = new Random(20261128);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        for (var i = 0; i < PerSample; i++)
        {
            var done = new List<string>();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/network") { Content = new ByteArrayContent(JsonMutations.Apply(grid, random, done)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
            using var response = await admin.SendAsync(request);
            Count(statuses, (int)response.StatusCode);
            var now = (await admin.GetJsonAsync("/api/network/summary")).GetRawText();
            if ((int)response.StatusCode >= 500)
                failures.Add($"#{i} ({string.Join("; ", done)}): {(int)response.StatusCode}");
            else if (!response.IsSuccessStatusCode && now != stored)
                failures.Add($"#{i} ({string.Join("; ", done)}): refused with {(int)response.StatusCode} but the stored network changed");
            if (response.IsSuccessStatusCode)
                stored = now;
        }
        output.WriteLine($"{PerSample} networks: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(statuses.Keys, status => status >= 400);
    }

    /// <summary>Each update of a sample file: a getUpdates answer holds several.</summary>
    static IEnumerable<(string Name, byte[] Update)> Updates(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var name = Path.GetFileName(file);
        if (root is JsonObject envelope && envelope["result"] is JsonArray results)
            return results.Select((u, i) => ($"{name}[{i}]", Encoding.UTF8.GetBytes(u!.ToJsonString())));
        return [(name, Encoding.UTF8.GetBytes(root.ToJsonString()))];
    }

    /// <summary>Four streets by four avenues, 100 m blocks: a small network every import takes.</summary>
    static string Grid()
    {
        var features = new JsonArray();
        for (var line = 0; line < 4; line++)
        {
            for (var block = 0; block < 3; block++)
            {
                features.Add(Street($"Street {line}", 116.40 + block * 0.001, 39.90 + line * 0.001, 116.40 + (block + 1) * 0.001, 39.90 + line * 0.001));
                features.Add(Street($"Avenue {line}", 116.40 + line * 0.001, 39.90 + block * 0.001, 116.40 + line * 0.001, 39.90 + (block + 1) * 0.001));
            }
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    static JsonObject Street(string name, double lon1, double lat1, double lon2, double lat2) => new()
    {
        ["type"] = "Feature",
        ["properties"] = new JsonObject { ["name"] = name, ["highway"] = "residential" },
        ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(new JsonArray(lon1, lat1), new JsonArray(lon2, lat2)) },
    };

    static void Count(SortedDictionary<int, int> statuses, int status) => statuses[status] = statuses.GetValueOrDefault(status) + 1;
}
