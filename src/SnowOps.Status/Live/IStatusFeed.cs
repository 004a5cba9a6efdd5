using SnowOps.Status.Projections;

namespace SnowOps.Status.Live;

/// <summary>Where the projections tell of a change they have just saved.</summary>
public interface IStatusFeed
{
    /// <param name="at">When the event behind this change happened (a progress report's time, a state change's time).</param>
    Task TaskChanged(TaskRow row, DateTimeOffset at, CancellationToken cancellationToken);
    /// <summary>Many tasks changed by one batch: told at once, in this order.</summary>
    Task TasksChanged(IReadOnlyList<(TaskRow Row, DateTimeOffset At)> changes, CancellationToken cancellationToken);
    Task AlertChanged(AlertRow row, CancellationToken cancellationToken);
    Task SnowEventChanged(SnowEventRow row, CancellationToken cancellationToken);
    Task RoutesChanged(Guid snowEventId, int revision, CancellationToken cancellationToken);
    Task CompoundReadingChanged(CompoundReadingRow row, CancellationToken cancellationToken);
}
