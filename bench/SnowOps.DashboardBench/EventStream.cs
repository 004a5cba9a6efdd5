using System.Diagnostics;
using MassTransit;

namespace SnowOps.DashboardBench;

/// <summary>Puts the trucks' progress reports on the bus at a steady rate, round the routes, until stopped.</summary>
public sealed class EventStream(IBus bus, GridCity city, int perSecond)
{
    long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
                while (_sent < due && !stop.IsCancellationRequested)
                {
                    var route = city.Routes[(int)(_sent % city.Routes.Count)];
                    await bus.Publish(city.Progress(route, _sent / city.Routes.Count + 1, DateTimeOffset.UtcNow), stop);
                    Interlocked.Increment(ref _sent);
                }
                await Task.Delay(5, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
