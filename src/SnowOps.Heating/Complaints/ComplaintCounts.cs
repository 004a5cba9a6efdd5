using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Complaints;

/// <summary>How many complaints each compound had over the rolling window (<see cref="ComplaintOptions.ComplaintWindowDays"/>).</summary>
public sealed class ComplaintCounts(HeatingDbContext db, IOptionsMonitor<ComplaintOptions> options) : Risk.IComplaintCounts
{
    public TimeSpan Window => TimeSpan.FromDays(options.CurrentValue.ComplaintWindowDays);

    /// <summary>
    /// Compound id → complaints requested in the window ending at <paramref name="now"/> (after now − window, up to now).
    /// Compounds without complaints in it are absent; complaints no compound has been matched to are not counted.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> PerCompoundAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Window;
        var counts = await db.Complaints.AsNoTracking()
            .Where(c => c.CompoundId != null && c.Requested > since && c.Requested <= now)
            .GroupBy(c => c.CompoundId!)
            .Select(g => new { CompoundId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.CompoundId, c => c.Count, StringComparer.Ordinal);
    }
}
