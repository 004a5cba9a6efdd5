using System.Net;
using System.Net.Sockets;
using SnowOps.Cli.Messages;

namespace SnowOps.Cli.Tests;

/// <summary>
/// Refusals that need no broker: each comes before any connection is tried, which the closed port proves (a connection
/// attempt would end in 1, not 2). One class, so the specs that set the host's environment variables never run beside the others.
/// </summary>
public class When_failed_messages_are_asked_for_without_a_broker
{
    static readonly string ClosedPort = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

    static Task<Cli.Run> Messages(params string[] args) =>
        Cli.RunAsync(["messages", .. args, "--host", "127.0.0.1", "--port", ClosedPort, "--management-port", ClosedPort]);

    [Fact]
    public async Task Should_refuse_a_purge_without_yes()
    {
        var run = await Messages("purge", "snowops-status-projection_error");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--yes", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("replay", "snowops-status-projection_error")]
    [InlineData("replay", "snowops-status-projection_error", "--all", "--id", "3f2a0000-0000-0000-0000-000000000000")]
    public async Task Should_refuse_a_replay_that_does_not_say_which_messages(params string[] args)
    {
        var run = await Messages(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--id ID (repeatable) or --all", run.Error);
    }

    [Theory]
    [InlineData("show", "snowops-status-projection")]
    [InlineData("replay", "snowops-status-projection", "--all")]
    [InlineData("purge", "snowops-status-projection", "--yes")]
    [InlineData("purge", "_error", "--yes")]
    public async Task Should_refuse_a_queue_that_is_not_an_error_or_skipped_queue(params string[] args)
    {
        var run = await Messages(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an error or skipped queue", run.Error);
    }

    [Theory]
    [InlineData("--take", "0")]
    [InlineData("--take", "1001")]
    [InlineData("--take", "some")]
    [InlineData("--port", "0")]
    [InlineData("--port", "70000")]
    [InlineData("--management-port", "x")]
    public async Task Should_refuse_a_bad_option_value(string option, string value)
    {
        var run = await Cli.RunAsync("messages", "show", "snowops-status-projection_error", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} must be", run.Error);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show", "snowops-status-projection_error")]
    [InlineData("replay", "snowops-status-projection_error", "--all")]
    [InlineData("purge", "snowops-status-projection_error", "--yes")]
    public async Task Should_end_in_1_with_the_reason_when_no_broker_answers(params string[] args)
    {
        var run = await Messages(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"No broker reachable at amqp://guest@127.0.0.1:{ClosedPort}/%2F", run.Error);
        Assert.Contains("refused", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_take_the_broker_from_the_host_configuration_and_let_options_override_it()
    {
        var settings = new Dictionary<string, string>
        {
            ["SnowOps__RabbitMq__Host"] = "rabbit.city.example",
            ["SnowOps__RabbitMq__Port"] = "5673",
            ["SnowOps__RabbitMq__VirtualHost"] = "winter",
            ["SnowOps__RabbitMq__Username"] = "ops",
            ["SnowOps__RabbitMq__Password"] = "s3cret",
            ["SnowOps__RabbitMq__ManagementPort"] = "15673",
        };
        foreach (var (key, value) in settings)
            Environment.SetEnvironmentVariable(key, value);
        try
        {
            Assert.Equal(new BrokerAddress("rabbit.city.example", 5673, "winter", "ops", "s3cret", 15673), Resolve());
            Assert.Equal(new BrokerAddress("10.0.0.5", 5673, "spring", "ops", "other", 15673),
                Resolve("--host", "10.0.0.5", "--vhost", "spring", "--password", "other"));
        }
        finally
        {
            foreach (var key in settings.Keys)
                Environment.SetEnvironmentVariable(key, null);
        }
        Assert.Equal(new BrokerAddress("localhost", 5672, "/", "guest", "guest", 15672), Resolve());
    }

    static BrokerAddress Resolve(params string[] args)
    {
        var options = new BrokerOptions();
        var command = new System.CommandLine.RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Resolve(parse);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
