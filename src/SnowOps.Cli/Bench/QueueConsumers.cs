using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnowOps.Cli.Bench;

/// <summary>
/// How many consumers the broker sees on Dispatch's crew-report queue and on Status's task projection queue: with k
/// instances of each module, k on each, all taking from the same queue (competing consumers).
/// </summary>
public sealed record QueueConsumers(int CrewReports, int TaskProjection)
{
    public static async Task<QueueConsumers> ReadAsync(RabbitEndpoint broker, string virtualHost, int expected, CancellationToken cancellationToken)
    {
        using var management = new HttpClient { BaseAddress = broker.Management, Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.Username}:{broker.Password}")));
        // The management API refreshes its consumer counts every few seconds; wait until both queues show them all.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = new QueueConsumers(0, 0);
        while (DateTime.UtcNow < deadline)
        {
            var queues = JsonDocument.Parse(await management.GetStringAsync(
                $"/api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,consumers", cancellationToken)).RootElement;
            seen = new QueueConsumers(Consumers(queues, "crew-reports"), Consumers(queues, "task-projection"));
            if (seen.CrewReports >= expected && seen.TaskProjection >= expected)
                return seen;
            await Task.Delay(1000, cancellationToken);
        }
        return seen;
    }

    static int Consumers(JsonElement queues, string endsWith) =>
        queues.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.EndsWith(endsWith, StringComparison.Ordinal))
            .Sum(q => q.TryGetProperty("consumers", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0);
}
