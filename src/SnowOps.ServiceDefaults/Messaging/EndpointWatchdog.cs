using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>
/// Stops the process, with exit code 70, when one of its receive endpoints stays down while the others receive (see
/// <see cref="StuckEndpoints"/>): a queue nobody consumes would otherwise go unnoticed until the work behind it is missed.
/// The process's supervisor (Kubernetes, systemd) starts it again, and every endpoint connects afresh. Runs on RabbitMQ only.
/// </summary>
public sealed class EndpointWatchdog(
    IBusControl bus,
    IHostApplicationLifetime lifetime,
    TimeSpan patience,
    ILogger<EndpointWatchdog> logger) : BackgroundService
{
    public const int ExitCode = 70;
    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stuck = new StuckEndpoints(patience);
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (stuck.Observe(bus.CheckHealth(), DateTimeOffset.UtcNow) is not { Count: > 0 } names)
                continue;
            logger.LogCritical("Receiving from {Endpoints} has not come back for {Patience} while the broker could be reached; "
                + "stopping with exit code {ExitCode} for the process to be started again", string.Join(", ", names), patience, ExitCode);
            Environment.ExitCode = ExitCode;
            lifetime.StopApplication();
            return;
        }
    }
}
