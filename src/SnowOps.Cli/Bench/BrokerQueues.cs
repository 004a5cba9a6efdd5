using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnowOps.Cli.Bench;

/// <summary>A figure for Dispatch's crew-report queue and one for Status's task projection queue.</summary>
public sealed record QueuePair(int CrewReports, int TaskProjection)
{
    public QueuePair Max(QueuePair other) => new(Math.Max(CrewReports, other.CrewReports), Math.Max(TaskProjection, other.TaskProjection));
}

/// <summary>
/// The run's two queues of the completion path as the broker's management API sees them: how many consumers take from
/// each (with k instances of each module, k on each, competing for the same queue), and how many messages wait in each
/// (the larger backlog shows which module holds the path back). The API refreshes its figures every few seconds.
/// </summary>
public sealed class BrokerQueues(RabbitEndpoint broker, string virtualHost) : IDisposable
{
    readonly HttpClient _management = Client(broker);

    /// <summary>Consumers on each queue, once both show <paramref name="expected"/> (or after 20 s, what they show).</summary>
    public async Task<QueuePair> ConsumersAsync(int expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = new QueuePair(0, 0);
        while (DateTime.UtcNow < deadline)
        {
            seen = await ReadAsync("consumers", cancellationToken);
            if (seen.CrewReports >= expected && seen.TaskProjection >= expected)
                return seen;
            await Task.Delay(1000, cancellationToken);
        }
        return seen;
    }

    /// <summary>Messages waiting in each queue now.</summary>
    public Task<QueuePair> BacklogAsync(CancellationToken cancellationToken) => ReadAsync("messages", cancellationToken);

    async Task<QueuePair> ReadAsync(string column, CancellationToken cancellationToken)
    {
        var queues = JsonDocument.Parse(await _management.GetStringAsync(
            $"/api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,{column}", cancellationToken)).RootElement;
        return new QueuePair(Sum(queues, "crew-reports", column), Sum(queues, "task-projection", column));
    }

    static int Sum(JsonElement queues, string endsWith, string column) =>
        queues.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.EndsWith(endsWith, StringComparison.Ordinal))
            .Sum(q => q.TryGetProperty(column, out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0);

    static HttpClient Client(RabbitEndpoint broker)
    {
        var management = new HttpClient { BaseAddress = broker.Management, Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.Username}:{broker.Password}")));
        return management;
    }

    public void Dispose() => _management.Dispose();
}
