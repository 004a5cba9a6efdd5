using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SnowOps.Dispatch;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Cli.Bench;

/// <summary>A broker the distributed mode runs on, and the management API that makes it a virtual host of its own.</summary>
public sealed record RabbitEndpoint(string Host, int Port, string Username, string Password, Uri Management);

/// <summary>The infrastructure could not be prepared: no server there, or no right to create what the run needs.</summary>
public sealed class StormSetupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Where a storm runs, made for this run alone and removed afterwards, so runs never see each other's messages or rows:
/// the embedded mode in a temporary folder (in-memory bus, SQLite); the distributed mode in a fresh RabbitMQ virtual host
/// and a fresh PostgreSQL database.
/// </summary>
public abstract class StormTarget : IAsyncDisposable
{
    public abstract string Mode { get; }

    /// <summary>The host's settings, as SnowOps:* configuration keys.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The baseline's table lives in Dispatch's database, beside Dispatch's tables.</summary>
    public abstract void UseBaselineDatabase(DbContextOptionsBuilder options);

    public abstract ValueTask DisposeAsync();

    public static StormTarget Embedded() => new EmbeddedTarget();

    public static Task<StormTarget> DistributedAsync(RabbitEndpoint rabbit, string postgres, CancellationToken cancellationToken) =>
        DistributedTarget.CreateAsync(rabbit, postgres, cancellationToken);

    sealed class EmbeddedTarget : StormTarget
    {
        readonly string _folder = Directory.CreateTempSubdirectory("snowops-storm-").FullName;

        public override string Mode => "embedded";

        public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Sqlite",
            ["SnowOps:DataDir"] = _folder,
        };

        // Dispatch's own file: the settings its migrations gave it (WAL among them) are part of what a write costs.
        public override void UseBaselineDatabase(DbContextOptionsBuilder options) =>
            DatabaseExtensions.UseSqlite(options, DatabaseExtensions.SqlitePath(_folder, DispatchModule.Name));

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    sealed class DistributedTarget : StormTarget
    {
        readonly string _name = "snowops_storm_" + Guid.NewGuid().ToString("N")[..12];
        readonly RabbitEndpoint _rabbit;
        readonly string _admin;
        readonly string _database;
        readonly HttpClient _management;
        bool _vhost;
        bool _created;

        DistributedTarget(RabbitEndpoint rabbit, string postgres)
        {
            (_rabbit, _admin) = (rabbit, postgres);
            _database = new NpgsqlConnectionStringBuilder(postgres) { Database = _name }.ConnectionString;
            _management = new HttpClient { BaseAddress = rabbit.Management, Timeout = TimeSpan.FromSeconds(30) };
            _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}")));
        }

        public static async Task<StormTarget> CreateAsync(RabbitEndpoint rabbit, string postgres, CancellationToken cancellationToken)
        {
            var target = new DistributedTarget(rabbit, postgres);
            try
            {
                await target.CreateVirtualHostAsync(cancellationToken);
                await target.CreateDatabaseAsync(cancellationToken);
                return target;
            }
            catch
            {
                await target.DisposeAsync();
                throw;
            }
        }

        public override string Mode => "distributed";

        public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["SnowOps:Transport"] = "RabbitMq",
            ["SnowOps:RabbitMq:Host"] = _rabbit.Host,
            ["SnowOps:RabbitMq:Port"] = _rabbit.Port.ToString(CultureInfo.InvariantCulture),
            ["SnowOps:RabbitMq:VirtualHost"] = _name,
            ["SnowOps:RabbitMq:Username"] = _rabbit.Username,
            ["SnowOps:RabbitMq:Password"] = _rabbit.Password,
            ["SnowOps:Database"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database,
            // A distributed host refuses to start without a configured key; nobody calls this one's API.
            ["SnowOps:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        };

        public override void UseBaselineDatabase(DbContextOptionsBuilder options) => DatabaseExtensions.UsePostgres(options, _database, BaselineTable.Name);

        async Task CreateVirtualHostAsync(CancellationToken cancellationToken)
        {
            try
            {
                (await _management.PutAsJsonAsync($"/api/vhosts/{_name}", new { }, cancellationToken)).EnsureSuccessStatusCode();
                _vhost = true;
                (await _management.PutAsJsonAsync($"/api/permissions/{_name}/{Uri.EscapeDataString(_rabbit.Username)}",
                    new { configure = ".*", write = ".*", read = ".*" }, cancellationToken)).EnsureSuccessStatusCode();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new StormSetupException(
                    $"Cannot create a RabbitMQ virtual host through the management API at {_rabbit.Management} as {_rabbit.Username}: {e.Message}", e);
            }
        }

        async Task CreateDatabaseAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_admin);
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                _created = true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
            {
                throw new StormSetupException($"Cannot create a PostgreSQL database with '{Redacted(_admin)}': {e.Message}", e);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_vhost)
                await _management.DeleteAsync($"/api/vhosts/{_name}");
            _management.Dispose();
            if (!_created)
                return;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        static string Redacted(string connection)
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(connection) { Password = null }.ConnectionString;
            }
            catch (ArgumentException)
            {
                return "(unreadable)";
            }
        }
    }
}
