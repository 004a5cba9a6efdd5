using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>
/// The RabbitMQ and PostgreSQL/PostGIS that ops/infra-up.sh started, with a fresh virtual host and a fresh
/// database for this run, dropped afterwards, so runs never see each other's messages or rows.
/// </summary>
public sealed class RealInfrastructure : IAsyncLifetime
{
    readonly string _name = "snowops_it_" + Guid.NewGuid().ToString("N")[..12];
    HttpClient _management = null!;

    public string RabbitHost { get; } = Required("SNOWOPS_IT_RABBITMQ_HOST");
    public string RabbitPort { get; } = Required("SNOWOPS_IT_RABBITMQ_PORT");
    public string RabbitUser { get; } = Required("SNOWOPS_IT_RABBITMQ_USER");
    public string RabbitPassword { get; } = Required("SNOWOPS_IT_RABBITMQ_PASSWORD");
    public string VirtualHost => _name;
    public string PostgresConnection { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _management = new HttpClient { BaseAddress = new Uri($"http://{RabbitHost}:{Required("SNOWOPS_IT_RABBITMQ_MGMT_PORT")}") };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitUser}:{RabbitPassword}")));
        (await _management.PutAsJsonAsync($"/api/vhosts/{_name}", new { })).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"/api/permissions/{_name}/{RabbitUser}", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();

        var admin = Required("SNOWOPS_IT_POSTGRES");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        PostgresConnection = new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString;
    }

    public Dictionary<string, string> HostSettings(string modules, string signingKey) => new()
    {
        ["SnowOps__Modules"] = modules,
        ["SnowOps__Transport"] = "RabbitMq",
        ["SnowOps__RabbitMq__Host"] = RabbitHost,
        ["SnowOps__RabbitMq__Port"] = RabbitPort,
        ["SnowOps__RabbitMq__VirtualHost"] = VirtualHost,
        ["SnowOps__RabbitMq__Username"] = RabbitUser,
        ["SnowOps__RabbitMq__Password"] = RabbitPassword,
        ["SnowOps__Database"] = "Postgres",
        ["ConnectionStrings__Postgres"] = PostgresConnection,
        ["SnowOps__Auth__SigningKey"] = signingKey,
    };

    public async Task<JsonElement> QueuesAsync() =>
        JsonDocument.Parse(await _management.GetStringAsync($"/api/queues/{_name}")).RootElement.Clone();

    /// <summary>Which queues and exchanges of the run's virtual host the user may read (consume, bind from): a regular expression.</summary>
    public async Task AllowReadingAsync(string pattern) =>
        (await _management.PutAsJsonAsync($"/api/permissions/{_name}/{RabbitUser}", new { configure = ".*", write = ".*", read = pattern }))
            .EnsureSuccessStatusCode();

    /// <summary>Closes every client connection to the run's virtual host, as a broker restart or a network cut would.</summary>
    public async Task CloseConnectionsAsync()
    {
        using var connections = JsonDocument.Parse(await _management.GetStringAsync($"/api/vhosts/{_name}/connections"));
        foreach (var connection in connections.RootElement.EnumerateArray())
        {
            var name = connection.GetProperty("name").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/connections/{Uri.EscapeDataString(name)}");
            await _management.SendAsync(request);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task DisposeAsync()
    {
        await _management.DeleteAsync($"/api/vhosts/{_name}");
        _management.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Required("SNOWOPS_IT_POSTGRES"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Integration tests need the real RabbitMQ and PostgreSQL: run ops/test.sh, or ops/infra-up.sh and `. .infra/infra.env` first.");
}
