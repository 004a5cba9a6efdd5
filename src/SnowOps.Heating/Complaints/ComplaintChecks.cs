using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Complaints;

/// <summary>Notes when a complaint was answered with a measurement, for the time from complaint to check.</summary>
public sealed class ComplaintChecks(HeatingDbContext db) : Readings.IComplaintChecks
{
    /// <summary>
    /// A measurement was taken at the compound: every complaint about it requested by then and not yet checked
    /// is marked checked at <paramref name="measured"/>. Calling it again, or with a later measurement, changes nothing
    /// for those. Returns how many complaints were marked.
    /// </summary>
    public Task<int> MarkCheckedAsync(string compoundId, DateTimeOffset measured, CancellationToken cancellationToken) =>
        db.Complaints
            .Where(c => c.CompoundId == compoundId && c.FirstCheckedAt == null && c.Requested <= measured)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstCheckedAt, measured), cancellationToken);

    Task Readings.IComplaintChecks.MarkCheckedAsync(string compoundId, DateTimeOffset measured, CancellationToken cancellationToken) =>
        MarkCheckedAsync(compoundId, measured, cancellationToken);
}
