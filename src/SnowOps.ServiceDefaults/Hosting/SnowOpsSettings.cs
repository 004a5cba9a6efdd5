using Microsoft.Extensions.Configuration;

namespace SnowOps.ServiceDefaults.Hosting;

public enum TransportKind
{
    InMemory,
    RabbitMq,
}

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>The settings under <c>SnowOps</c> that choose how a process runs.</summary>
public sealed class SnowOpsSettings
{
    public static readonly string[] AllModules = ["Weather", "Dispatch", "Routing", "Heating", "CrewBot", "Status"];

    public IReadOnlyList<string> Modules { get; init; } = AllModules;

    public TransportKind Transport { get; init; } = TransportKind.InMemory;

    public DatabaseKind Database { get; init; } = DatabaseKind.Sqlite;

    /// <summary>Where the embedded mode keeps its SQLite files and its generated signing key.</summary>
    public string DataDir { get; init; } = "data";

    public RabbitMqSettings RabbitMq { get; init; } = new();

    public bool Runs(string module) => Modules.Contains(module, StringComparer.OrdinalIgnoreCase);

    public static SnowOpsSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("SnowOps");
        var modules = ReadModules(section);
        var unknown = modules.Where(m => !AllModules.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"SnowOps:Modules names unknown modules: {string.Join(", ", unknown)}. Known: {string.Join(", ", AllModules)}.");

        return new SnowOpsSettings
        {
            Modules = modules,
            Transport = section.GetValue("Transport", TransportKind.InMemory),
            Database = section.GetValue("Database", DatabaseKind.Sqlite),
            DataDir = Path.GetFullPath(section["DataDir"] is { Length: > 0 } dir ? dir : "data"),
            RabbitMq = section.GetSection("RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings(),
        };
    }

    static string[] ReadModules(IConfigurationSection section)
    {
        // Accept both "Weather,Dispatch" (one env var) and an array in JSON.
        var listed = section.GetSection("Modules").Get<string[]>();
        if (listed is { Length: > 0 })
            return listed.SelectMany(Split).ToArray();
        var single = section["Modules"];
        return string.IsNullOrWhiteSpace(single) || single.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? AllModules
            : Split(single).ToArray();
    }

    static IEnumerable<string> Split(string value) =>
        value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class RabbitMqSettings
{
    public string Host { get; init; } = "localhost";

    public ushort Port { get; init; } = 5672;

    public string VirtualHost { get; init; } = "/";

    public string Username { get; init; } = "guest";

    public string Password { get; init; } = "guest";

    /// <summary>
    /// How long a receive endpoint may stay down while others of the process receive before the process stops itself,
    /// for its supervisor to start it again (<see cref="Messaging.EndpointWatchdog"/>); zero turns that off. Longer than
    /// MassTransit's longest wait between reconnect tries (30 s).
    /// </summary>
    public TimeSpan StuckEndpointRestart { get; init; } = TimeSpan.FromSeconds(90);
}
