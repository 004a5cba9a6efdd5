using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnowOps.Cli.Bench;

/// <summary>A figure for the queues TaskCompleted reaches (Dispatch's) and one for those TaskStateChanges reaches (Status's).</summary>
public sealed record QueuePair(int Completions, int StateChanges)
{
    public QueuePair Max(QueuePair other) => new(Math.Max(Completions, other.Completions), Math.Max(StateChanges, other.StateChanges));
}

/// <summary>
/// The queues of the completion path as the broker's management API sees them: those bound to TaskCompleted's exchange
/// (Dispatch's consumer of completions, whichever it is) and those bound to TaskStateChanges' (Status's projection of the
/// changes Dispatch makes a batch at a time; a message there carries up to a batch of completions); how
/// many consumers take from them (with k instances of each module, k on each, competing for the same queue), and how many
/// messages wait in them (the larger backlog shows which module holds the path back). MassTransit binds a message type's
/// exchange to an exchange named as each consuming endpoint's queue. The API refreshes its figures every few seconds.
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
            if (seen.Completions >= expected && seen.StateChanges >= expected)
                return seen;
            await Task.Delay(1000, cancellationToken);
        }
        return seen;
    }

    /// <summary>Messages waiting in each queue now.</summary>
    public Task<QueuePair> BacklogAsync(CancellationToken cancellationToken) => ReadAsync("messages", cancellationToken);

    async Task<QueuePair> ReadAsync(string column, CancellationToken cancellationToken)
    {
        var vhost = Uri.EscapeDataString(virtualHost);
        var queues = JsonDocument.Parse(await _management.GetStringAsync($"/api/queues/{vhost}?columns=name,{column}", cancellationToken)).RootElement;
        var completions = await BoundAsync("SnowOps.Contracts:TaskCompleted", cancellationToken);
        var stateChanges = await BoundAsync("SnowOps.Contracts:TaskStateChanges", cancellationToken);
        return new QueuePair(Sum(queues, completions, column), Sum(queues, stateChanges, column));
    }

    async Task<HashSet<string>> BoundAsync(string exchange, CancellationToken cancellationToken)
    {
        using var response = await _management.GetAsync(
            $"/api/exchanges/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(exchange)}/bindings/source", cancellationToken);
        if (!response.IsSuccessStatusCode)
            return [];
        var bindings = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        return bindings.EnumerateArray().Select(b => b.GetProperty("destination").GetString()!).ToHashSet();
    }

    static int Sum(JsonElement queues, HashSet<string> names, string column) =>
        queues.EnumerateArray()
            .Where(q => names.Contains(q.GetProperty("name").GetString()!))
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
