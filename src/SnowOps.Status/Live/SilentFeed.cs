using SnowOps.Status.Projections;

namespace SnowOps.Status.Live;

/// <summary>Tells no one: for the rebuild, whose replayed history is not news, and for a process without the hub.</summary>
public sealed class SilentFeed : IStatusFeed
{
    public static readonly SilentFeed Instance = new();

    public Task TaskChanged(TaskRow row, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task TasksChanged(IReadOnlyList<(TaskRow Row, DateTimeOffset At)> changes, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task AlertChanged(AlertRow row, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task SnowEventChanged(SnowEventRow row, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task RoutesChanged(Guid snowEventId, int revision, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task CompoundReadingChanged(CompoundReadingRow row, CancellationToken cancellationToken) => Task.CompletedTask;
}
