using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace SnowOps.Chaos;

/// <summary>
/// The RabbitMQ and PostgreSQL that ops/infra-up.sh runs from this checkout (found through the SNOWOPS_IT_* variables it
/// writes), a virtual host and a database made for this run and removed after it, and the restarts of both servers
/// (through ops/infra-restart.sh, which touches only the servers of this checkout's .infra).
/// </summary>
public sealed class Servers : IAsyncDisposable
{
    readonly string _admin;
    readonly HttpClient _management;
    readonly string _repo;
    bool _vhost;
    bool _database;

    Servers(string rabbitHost, int rabbitPort, string user, string password, Uri management, string postgres, string repo)
    {
        (RabbitHost, RabbitPort, User, Password, _admin, _repo) = (rabbitHost, rabbitPort, user, password, postgres, repo);
        Name = "snowops_chaos_" + Guid.NewGuid().ToString("N")[..10];
        Database = new NpgsqlConnectionStringBuilder(postgres) { Database = Name, Timeout = 5, CommandTimeout = 30 }.ConnectionString;
        _management = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public string RabbitHost { get; }
    public int RabbitPort { get; }
    public string User { get; }
    public string Password { get; }

    /// <summary>The run's virtual host and database are both named this.</summary>
    public string Name { get; }

    /// <summary>The connection string of the run's database.</summary>
    public string Database { get; }

    /// <summary>The servers from the variables, or null with what is missing on stderr.</summary>
    public static Servers? FromEnvironment(string repo)
    {
        string? Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        var (host, port, postgres) = (Read("SNOWOPS_IT_RABBITMQ_HOST"), Read("SNOWOPS_IT_RABBITMQ_PORT"), Read("SNOWOPS_IT_POSTGRES"));
        if (host is null || port is null || postgres is null)
        {
            Console.Error.WriteLine("chaos: RabbitMQ and PostgreSQL are needed: run ops/infra-up.sh and `set -a; . .infra/infra.env; set +a`.");
            return null;
        }
        var management = new Uri($"http://{host}:{Read("SNOWOPS_IT_RABBITMQ_MGMT_PORT") ?? "15672"}");
        return new Servers(host, int.Parse(port, CultureInfo.InvariantCulture), Read("SNOWOPS_IT_RABBITMQ_USER") ?? "guest",
            Read("SNOWOPS_IT_RABBITMQ_PASSWORD") ?? "guest", management, postgres, repo);
    }

    public async Task CreateAsync()
    {
        (await _management.PutAsJsonAsync($"/api/vhosts/{Name}", new { })).EnsureSuccessStatusCode();
        _vhost = true;
        (await _management.PutAsJsonAsync($"/api/permissions/{Name}/{Uri.EscapeDataString(User)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
        await create.ExecuteNonQueryAsync();
        _database = true;
    }

    /// <summary>
    /// Messages waiting in the run's quorum queues (ready and unacknowledged; error queues and the instances' own queues
    /// left out), as the management API last sampled them; null when it does not answer, has not sampled a queue yet (as
    /// after a restart of the broker), or a queue has nobody consuming it (a consumer not back yet after a fault: what
    /// waits there would not be counted while the broker's figures lag).
    /// </summary>
    public async Task<long?> QueuedAsync()
    {
        try
        {
            using var queues = await QueuesAsync();
            long queued = 0;
            foreach (var queue in queues.RootElement.EnumerateArray())
            {
                if (!queue.TryGetProperty("type", out var type) || type.GetString() != "quorum")
                    continue;
                if (!queue.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Number)
                    return null;
                if (!queue.TryGetProperty("consumers", out var consumers) || consumers.ValueKind != JsonValueKind.Number || consumers.GetInt32() == 0)
                    return null;
                queued += messages.GetInt64();
            }
            return queued;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Each of the run's queues with its messages and consumers as the management API shows them, one per line.</summary>
    public async Task<string> DescribeQueuesAsync()
    {
        try
        {
            using var queues = await QueuesAsync();
            string Field(JsonElement queue, string name) => queue.TryGetProperty(name, out var value) ? value.ToString() : "?";
            return string.Join(Environment.NewLine, queues.RootElement.EnumerateArray().Select(q =>
                $"  {Field(q, "name")} ({Field(q, "type")}, {Field(q, "state")}): {Field(q, "messages")} messages, {Field(q, "consumers")} consumers"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return $"  (the management API did not answer: {e.Message})";
        }
    }

    /// <summary>Empties the run's error and skipped queues, returning what was in them.</summary>
    public async Task<long> PurgeFailedAsync()
    {
        using var queues = await QueuesAsync();
        long failed = 0;
        foreach (var queue in queues.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            if (!name.EndsWith("_error", StringComparison.Ordinal) && !name.EndsWith("_skipped", StringComparison.Ordinal))
                continue;
            failed += queue.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
            await _management.DeleteAsync($"/api/queues/{Name}/{Uri.EscapeDataString(name)}/contents");
        }
        return failed;
    }

    /// <summary>The run's queues as the management API lists them (an array of queue objects).</summary>
    async Task<JsonDocument> QueuesAsync() => JsonDocument.Parse(await _management.GetStringAsync($"/api/queues/{Name}"));

    /// <summary>Restarts rabbitmq or postgres through ops/infra-restart.sh; its output goes to <paramref name="log"/>.</summary>
    public async Task RestartAsync(string server, string log)
    {
        // Through a file, not a pipe: a server started by the script must not hold this process's output open.
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = _repo };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec >>\"$1\" 2>&1 </dev/null; exec bash ops/infra-restart.sh \"$2\"");
        info.ArgumentList.Add("infra-restart");
        info.ArgumentList.Add(log);
        info.ArgumentList.Add(server);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ops/infra-restart.sh {server} exited with {process.ExitCode} (see {log})");
    }

    public async ValueTask DisposeAsync()
    {
        if (_vhost)
            await _management.DeleteAsync($"/api/vhosts/{Name}");
        _management.Dispose();
        if (!_database)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
