using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Time from POSTing an alert to the Status read model having consumed its <c>WeatherAlertIssued</c>:
/// every alert is a copy of a real CAP document with its own identifier, sent one after another at a steady pace,
/// after 20 unmeasured warm-up alerts.
/// </summary>
public static class LatencyBench
{
    public sealed record Result(int Sent, int Arrived, double P50, double P95, double P99, double Max);

    public static async Task<Result> RunAsync(Uri weather, Uri status, string alertToken, string readToken, string capDocument,
        int count, double perSecond, CancellationToken cancellationToken)
    {
        using var post = Client(weather, alertToken);
        using var read = Client(status, readToken);
        // Warm up first (JIT, connection pools, queues) so the figures describe a running service, not its start.
        var warmup = await SendAsync(post, capDocument, "warmup", Math.Min(20, count), perSecond, cancellationToken);
        await WaitForAsync(read, warmup, cancellationToken);

        var sent = await SendAsync(post, capDocument, "run", count, perSecond, cancellationToken);
        var arrived = await WaitForAsync(read, sent, cancellationToken);
        var latencies = arrived.Select(a => (a.Value - sent[a.Key]).TotalMilliseconds).Order().ToList();
        return latencies.Count == 0
            ? new Result(count, 0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Result(count, latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
    }

    static async Task<Dictionary<Guid, DateTimeOffset>> SendAsync(HttpClient post, string capDocument, string phase, int count, double perSecond,
        CancellationToken cancellationToken)
    {
        var run = $"{phase}-{Guid.NewGuid().ToString("N")[..8]}";
        var sent = new Dictionary<Guid, DateTimeOffset>();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - pace.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            var body = WithIdentifier(capDocument, $"bench-{run}-{i}");
            var at = DateTimeOffset.UtcNow;
            using var response = await post.PostAsync("/api/alerts", new StringContent(body, Encoding.UTF8, "application/cap+xml"), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST /api/alerts answered {(int)response.StatusCode}: {text}");
            sent[JsonDocument.Parse(text).RootElement[0].GetProperty("alertId").GetGuid()] = at;
        }
        return sent;
    }

    static async Task<Dictionary<Guid, DateTimeOffset>> WaitForAsync(HttpClient read, Dictionary<Guid, DateTimeOffset> sent, CancellationToken cancellationToken)
    {
        var arrived = new Dictionary<Guid, DateTimeOffset>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (arrived.Count < sent.Count && DateTime.UtcNow < deadline)
        {
            var rows = JsonDocument.Parse(await read.GetStringAsync($"/api/status/alerts?take={sent.Count + 100}", cancellationToken)).RootElement;
            foreach (var row in rows.EnumerateArray())
            {
                var id = row.GetProperty("alertId").GetGuid();
                if (sent.ContainsKey(id) && row.GetProperty("projected").ValueKind == JsonValueKind.String)
                    arrived[id] = row.GetProperty("projected").GetDateTimeOffset();
            }
            if (arrived.Count < sent.Count)
                await Task.Delay(250, cancellationToken);
        }
        return arrived;
    }

    static string WithIdentifier(string document, string suffix)
    {
        const string open = "<identifier>";
        var start = document.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return document.Insert(document.IndexOf("</identifier>", start, StringComparison.Ordinal), "." + suffix);
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static HttpClient Client(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
