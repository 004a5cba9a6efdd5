using MassTransit;
using Microsoft.Extensions.Logging;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>
/// Logs each receive endpoint coming up, faulting and stopping, with the queue's address: after a broker restart the log
/// shows when each queue was consumed again, and a fault the transport does not retry is there with its exception.
/// </summary>
public sealed class EndpointLog(ILogger<EndpointLog> logger) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        logger.LogInformation("Receiving from {Address}", ready.InputAddress);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        // The broker away is retried by the transport and logged by MassTransit with its stack: the reason is enough here.
        if (faulted.Exception is ConnectionException)
            logger.LogWarning("Receiving from {Address} failed: {Reason}", faulted.InputAddress, faulted.Exception.Message);
        else
            logger.LogWarning(faulted.Exception, "Receiving from {Address} failed: {Reason}", faulted.InputAddress, faulted.Exception?.Message);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        logger.LogInformation("Stopping receiving from {Address} (removed: {Removed})", stopping.InputAddress, stopping.Removed);
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        logger.LogInformation("Stopped receiving from {Address} after {Count} messages", completed.InputAddress, completed.DeliveryCount);
        return Task.CompletedTask;
    }
}
