using MassTransit;

namespace SnowOps.Chaos;

/// <summary>
/// Says on the run's log when the run's own queue (where it hears what Dispatch publishes) is consumed, faults or stops:
/// after a broker restart, a count of published completions that stops growing is then told apart from a watch that is
/// not back.
/// </summary>
public sealed class WatchLog(TextWriter log) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        log.WriteLine($"chaos: the run's watch is receiving from {ready.InputAddress.AbsolutePath}");
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        log.WriteLine($"chaos: the run's watch failed: {faulted.Exception?.GetType().Name}: {faulted.Exception?.Message}");
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
}
