using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SnowOps.Cli.Routing;
using SnowOps.ServiceDefaults.Hosting;

namespace SnowOps.Cli.Messages;

/// <summary>
/// Where the broker is: each option, else the host's own configuration keys (<c>SnowOps__RabbitMq__Host</c> and the rest,
/// from the environment), else the host's defaults.
/// </summary>
public sealed class BrokerOptions
{
    public const int DefaultManagementPort = 15672;

    readonly Option<string> host = new("--host") { Description = "RabbitMQ host (SnowOps:RabbitMq:Host, default localhost)." };
    readonly Option<ushort?> port = PortOption("--port", "AMQP port (SnowOps:RabbitMq:Port, default 5672).");
    readonly Option<string> virtualHost = new("--vhost") { Description = "Virtual host (SnowOps:RabbitMq:VirtualHost, default /)." };
    readonly Option<string> user = new("--user") { Description = "User (SnowOps:RabbitMq:Username, default guest)." };
    readonly Option<string> password = new("--password") { Description = "Password (SnowOps:RabbitMq:Password, default guest)." };
    readonly Option<ushort?> managementPort = PortOption("--management-port",
        $"Port of the management HTTP API, used to list queues (SnowOps:RabbitMq:ManagementPort, default {DefaultManagementPort}).");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { host, port, virtualHost, user, password, managementPort })
            command.Options.Add(option);
    }

    public BrokerAddress Resolve(ParseResult parse)
    {
        var section = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("SnowOps:RabbitMq");
        var configured = section.Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        return new BrokerAddress(
            parse.GetValue(host) ?? configured.Host,
            parse.GetValue(port) ?? configured.Port,
            parse.GetValue(virtualHost) ?? configured.VirtualHost,
            parse.GetValue(user) ?? configured.Username,
            parse.GetValue(password) ?? configured.Password,
            parse.GetValue(managementPort) ?? section.GetValue<ushort?>("ManagementPort") ?? DefaultManagementPort);
    }

    static Option<ushort?> PortOption(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                ushort? value = RouteCommand.Parse<ushort>(result, name, "a port number from 1 to 65535",
                    text => ushort.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : null);
                return value;
            },
        };
}

/// <summary>The broker to talk to: AMQP for reading and moving messages, the management API for listing queues.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string User, string Password, ushort ManagementPort)
{
    public override string ToString() => $"amqp://{User}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
