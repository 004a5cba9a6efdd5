using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace SnowOps.Cli.Bench;

/// <summary>Where the distributed mode's RabbitMQ and PostgreSQL are: the options, else the variables ops/infra-up.sh writes.</summary>
static class StormInfrastructure
{
    public static bool TryRead(string? rabbitText, string? managementText, string? postgresText, TextWriter error,
        [NotNullWhen(true)] out RabbitEndpoint? broker, [NotNullWhen(true)] out string? database)
    {
        (broker, database) = (null, null);
        var rabbit = rabbitText ?? FromEnvironment();
        var postgres = postgresText ?? Environment.GetEnvironmentVariable("SNOWOPS_IT_POSTGRES");
        if (string.IsNullOrWhiteSpace(rabbit) || string.IsNullOrWhiteSpace(postgres))
        {
            error.WriteLine("The distributed mode needs RabbitMQ and PostgreSQL: give --rabbitmq amqp://user:password@host:port and "
                + "--postgres \"Host=...;Port=...;Username=...;Password=...;Database=...\", or run ops/infra-up.sh and `. .infra/infra.env` "
                + "(its SNOWOPS_IT_RABBITMQ_* and SNOWOPS_IT_POSTGRES variables).");
            return false;
        }
        if (!Uri.TryCreate(rabbit, UriKind.Absolute, out var uri) || uri.Scheme != "amqp" || uri.Host.Length == 0)
        {
            error.WriteLine($"--rabbitmq must be an amqp:// URI such as amqp://guest:guest@127.0.0.1:5672, found '{rabbit}'.");
            return false;
        }
        var user = uri.UserInfo.Split(':', 2);
        var (username, password) = (Unescape(user[0], "guest"), Unescape(user.ElementAtOrDefault(1), "guest"));
        var managementPort = Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_MGMT_PORT") is { Length: > 0 } port ? port : "15672";
        var managementUrl = managementText ?? $"http://{uri.Host}:{managementPort}";
        if (!Uri.TryCreate(managementUrl, UriKind.Absolute, out var managementUri) || managementUri.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"--rabbitmq-management must be an http:// URL such as http://127.0.0.1:15672, found '{managementUrl}'.");
            return false;
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"--postgres is not an Npgsql connection string: {e.Message}");
            return false;
        }
        broker = new RabbitEndpoint(uri.Host, uri.IsDefaultPort ? 5672 : uri.Port, username, password, managementUri);
        database = postgres;
        return true;
    }

    static string? FromEnvironment()
    {
        var host = Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_HOST");
        var port = Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_PORT");
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port))
            return null;
        var user = Uri.EscapeDataString(Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_USER") ?? "guest");
        var password = Uri.EscapeDataString(Environment.GetEnvironmentVariable("SNOWOPS_IT_RABBITMQ_PASSWORD") ?? "guest");
        return $"amqp://{user}:{password}@{host}:{port}";
    }

    static string Unescape(string? text, string fallback) => string.IsNullOrEmpty(text) ? fallback : Uri.UnescapeDataString(text);
}
