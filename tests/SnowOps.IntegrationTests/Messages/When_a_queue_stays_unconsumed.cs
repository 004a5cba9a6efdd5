using System.Security.Cryptography;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.IntegrationTests.Messages;

/// <summary>
/// A real Status process on RabbitMQ whose connection is cut (as a broker restart cuts it) while the broker refuses it one
/// of its queues: every other endpoint receives again, that one cannot. The endpoint watchdog stops the process, with a
/// patience of 10 s here, for its supervisor to start it again; started again once the queue is allowed, it consumes it.
/// </summary>
public sealed class When_a_queue_stays_unconsumed : IAsyncLifetime
{
    const string Audit = "snowops-audit-projection";

    readonly RealInfrastructure _infra = new();
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    HostProcess? _status;

    public Task InitializeAsync() => _infra.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_status is not null)
            await _status.DisposeAsync();
        await _infra.DisposeAsync();
    }

    Task<HostProcess> StartStatusAsync() =>
        HostProcess.StartAsync(new Dictionary<string, string>(_infra.HostSettings("Status", _key))
        {
            ["SnowOps__RabbitMq__StuckEndpointRestart"] = "00:00:10",
        });

    async Task<int?> ConsumersAsync(string queue)
    {
        foreach (var q in (await _infra.QueuesAsync()).EnumerateArray())
        {
            if (q.GetProperty("name").GetString() == queue)
                return q.TryGetProperty("consumers", out var consumers) && consumers.ValueKind == JsonValueKind.Number ? consumers.GetInt32() : null;
        }
        return null;
    }

    [Fact]
    public async Task Should_stop_the_process_with_exit_code_70_naming_the_queue_and_consume_it_once_started_again()
    {
        _status = await StartStatusAsync();
        await Eventually.HoldsAsync(() => ConsumersAsync(Audit), c => c > 0, "the audit projection's consumer");

        await _infra.AllowReadingAsync($"^(?!{Audit}$).*");
        await _infra.CloseConnectionsAsync();

        var exitCode = await _status.ExitCodeAsync(TimeSpan.FromSeconds(90));
        Assert.True(exitCode == EndpointWatchdog.ExitCode, $"exit code {exitCode?.ToString() ?? "none (still running)"}:\n{_status.Output}");
        var stopped = _status.Output.Split('\n').SkipWhile(line => !line.StartsWith("crit: SnowOps.ServiceDefaults.Messaging.EndpointWatchdog", StringComparison.Ordinal)).Skip(1).FirstOrDefault();
        Assert.NotNull(stopped);
        Assert.Contains($"/{Audit} has not come back", stopped, StringComparison.Ordinal);
        // Only the refused queue is named: the others were consumed again.
        Assert.DoesNotContain("snowops-state-projection", stopped, StringComparison.Ordinal);

        await _status.DisposeAsync();
        await _infra.AllowReadingAsync(".*");
        _status = await StartStatusAsync();
        await Eventually.HoldsAsync(() => ConsumersAsync(Audit), c => c > 0, "the audit projection's consumer after the start again");
        Assert.Null(await _status.ExitCodeAsync(TimeSpan.FromSeconds(15)));
    }
}
