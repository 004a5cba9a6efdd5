using SnowOps.Status.Data;

namespace SnowOps.Status.Projections;

static class ChangeSaving
{
    /// <summary>Saves what the projection changed; false when the event changed nothing, so there is no news to push.</summary>
    public static async Task<bool> SaveIfChangedAsync(this StatusDbContext db, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
            return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
