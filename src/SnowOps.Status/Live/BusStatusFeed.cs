using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Live;

/// <summary>
/// Tells every Status replica of each change (<see cref="StatusPush"/>, published to each replica's own endpoint), and each
/// replica pushes it to the clients connected to its <see cref="StatusHub"/>: a change projected by one replica reaches
/// the screens connected to all of them.
/// </summary>
public sealed class BusStatusFeed(IBus bus, ILogger<BusStatusFeed> logger) : IStatusFeed
{
    public Task TaskChanged(TaskRow t, DateTimeOffset at, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.Task,
        new TaskChange(t.TaskId, t.SnowEventId, t.Kind, t.State, t.CrewId, t.PercentDone, t.SegmentsDone, t.Latitude, t.Longitude,
            t.Problems, t.StateChanged, at), cancellationToken);

    public Task AlertChanged(AlertRow a, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.Alert,
        new AlertChange(a.AlertId, a.Hazard, a.Level, a.Headline, a.Active, a.Expires), cancellationToken);

    public Task SnowEventChanged(SnowEventRow e, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.SnowEvent,
        new SnowEventChange(e.SnowEventId, e.Title, e.Level, e.Phase), cancellationToken);

    public Task RoutesChanged(Guid snowEventId, int revision, CancellationToken cancellationToken) =>
        SendAsync(StatusChangeNames.Routes, new RoutesChange(snowEventId, revision), cancellationToken);

    public Task CompoundReadingChanged(CompoundReadingRow r, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.CompoundReading,
        new CompoundReadingChange(r.CompoundId, r.AverageCelsius, r.BelowStandard, r.Measured), cancellationToken);

    static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    async Task SendAsync(string name, object change, CancellationToken cancellationToken)
    {
        // The change is saved; a push that fails must not make the bus redeliver it, and a reload shows it anyway.
        try
        {
            // Nor may a confirm lost with a dropped connection hold the projection for ever.
            await bus.Publish(new StatusPush(name, JsonSerializer.SerializeToElement(change, StatusPush.Json)), cancellationToken)
                .WaitAsync(PushTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not push {Change} to the dashboard", name);
        }
    }
}
