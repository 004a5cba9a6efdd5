using Microsoft.EntityFrameworkCore;
using SnowOps.Routing.Data;

namespace SnowOps.Routing.Network;

/// <summary>Keeps the road network: replaced as a whole, in one transaction, inserted in batches.</summary>
public static class NetworkStore
{
    const int BatchSize = 1000;

    /// <summary>
    /// The network is reference data, and a half-replaced one would plan wrong routes: the old network is deleted
    /// and the new one inserted in one transaction, retried whole when the database asks for a retry.
    /// </summary>
    public static async Task ReplaceAsync(RoutingDbContext db, IReadOnlyList<RoadSegment> segments, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Segments.ExecuteDeleteAsync(cancellationToken);
                foreach (var batch in segments.Chunk(BatchSize))
                {
                    db.Segments.AddRange(batch);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
        });
    }

    public static async Task<bool> IsEmptyAsync(RoutingDbContext db, CancellationToken cancellationToken) =>
        !await db.Segments.AnyAsync(cancellationToken);
}
