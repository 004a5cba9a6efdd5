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
    public Task TaskChanged(TaskRow t, DateTimeOffset at, CancellationToken cancellationToken) =>
        SendAsync(StatusChangeNames.Task, Change(t, at), cancellationToken);

    /// <summary>One message for the whole batch (<see cref="StatusPushes"/>): the broker carries one instead of hundreds.</summary>
    public Task TasksChanged(IReadOnlyList<(TaskRow Row, DateTimeOffset At)> changes, CancellationToken cancellationToken) =>
        changes.Count == 0
            ? Task.CompletedTask
            : PublishAsync(new StatusPushes([.. changes.Select(c => Push(StatusChangeNames.Task, Change(c.Row, c.At)))]), StatusChangeNames.Task,
                cancellationToken);

    static TaskChange Change(TaskRow t, DateTimeOffset at) => new(t.TaskId, t.SnowEventId, t.Kind, t.State, t.CrewId, t.PercentDone,
        t.SegmentsDone, t.Latitude, t.Longitude, t.Problems, t.StateChanged, at);

    public Task AlertChanged(AlertRow a, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.Alert,
        new AlertChange(a.AlertId, a.Hazard, a.Level, a.Headline, a.Active, a.Expires), cancellationToken);

    public Task SnowEventChanged(SnowEventRow e, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.SnowEvent,
        new SnowEventChange(e.SnowEventId, e.Title, e.Level, e.Phase), cancellationToken);

    public Task RoutesChanged(Guid snowEventId, int revision, CancellationToken cancellationToken) =>
        SendAsync(StatusChangeNames.Routes, new RoutesChange(snowEventId, revision), cancellationToken);

    public Task CompoundReadingChanged(CompoundReadingRow r, CancellationToken cancellationToken) => SendAsync(StatusChangeNames.CompoundReading,
        new CompoundReadingChange(r.CompoundId, r.AverageCelsius, r.BelowStandard, r.Measured), cancellationToken);

    static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    static StatusPush Push(string name, object change) => new(name, JsonSerializer.SerializeToElement(change, StatusPush.Json));

    Task SendAsync(string name, object change, CancellationToken cancellationToken) => PublishAsync(Push(name, change), name, cancellationToken);

    async Task PublishAsync<T>(T push, string name, CancellationToken cancellationToken) where T : class
    {
        // The change is saved; a push that fails must not make the bus redeliver it, and a reload shows it anyway.
        try
        {
            // Nor may a confirm lost with a dropped connection hold the projection for ever.
            await bus.Publish(push, cancellationToken).WaitAsync(PushTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not push {Change} to the dashboard", name);
        }
    }
}
