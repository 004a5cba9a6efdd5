using SnowOps.Status.Projections;

namespace SnowOps.Status.Live;

/// <summary>Where the projections tell of a change they have just saved.</summary>
public interface IStatusFeed
{
    Task TaskChanged(TaskRow row, CancellationToken cancellationToken);
    Task AlertChanged(AlertRow row, CancellationToken cancellationToken);
    Task SnowEventChanged(SnowEventRow row, CancellationToken cancellationToken);
    Task RoutesChanged(Guid snowEventId, int revision, CancellationToken cancellationToken);
    Task CompoundReadingChanged(CompoundReadingRow row, CancellationToken cancellationToken);
}
