using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Complaints;

/// <summary>
/// The compounds as complaint matching needs them: outlines in a spatial index, and the address texts that name exactly
/// one compound. Built once and rebuilt when the registry changes: this process's imports and edits drop it, and a change
/// made elsewhere (another process of a distributed Heating) shows in the compounds' count or versions, checked on every use.
/// </summary>
public sealed class CompoundIndex(TimeProvider clock)
{
    /// <summary>Rebuilt at least this often, whatever the fingerprint says.</summary>
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public sealed record Entry(string Id, Geometry Geometry, IPreparedGeometry? Surface);

    public sealed record Snapshot(int Count, long Versions, DateTimeOffset Built, STRtree<Entry> Outlines, IReadOnlyDictionary<string, string> Keys);

    Snapshot? _current;

    /// <summary>Forget the index: the registry was just changed.</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    public async Task<Snapshot> GetAsync(HeatingDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.Compounds.CountAsync(cancellationToken);
        var versions = await db.Compounds.SumAsync(c => (long)c.Version, cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Count == count && current.Versions == versions && clock.GetUtcNow() - current.Built < MaxAge)
            return current;
        var built = await BuildAsync(db, count, versions, cancellationToken);
        Volatile.Write(ref _current, built);
        return built;
    }

    async Task<Snapshot> BuildAsync(HeatingDbContext db, int count, long versions, CancellationToken cancellationToken)
    {
        var compounds = await db.Compounds.AsNoTracking()
            .Select(c => new { c.CompoundId, c.Name, c.Address, c.Geometry }).ToListAsync(cancellationToken);
        var outlines = new STRtree<Entry>();
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in compounds)
        {
            if (c.Geometry is { IsEmpty: false } geometry)
                outlines.Insert(geometry.EnvelopeInternal, new Entry(c.CompoundId, geometry,
                    geometry.Dimension == Dimension.Surface ? PreparedGeometryFactory.Prepare(geometry) : null));
            foreach (var key in ComplaintMatcher.Keys(c.Name, c.Address))
            {
                if (!owners.TryGetValue(key, out var ids))
                    owners[key] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(c.CompoundId);
            }
        }
        if (compounds.Count > 0)
            outlines.Build();
        // A text two compounds share (a district, a street with several compounds) names neither.
        var keys = owners.Where(o => o.Value.Count == 1).ToDictionary(o => o.Key, o => o.Value.Single(), StringComparer.Ordinal);
        return new Snapshot(count, versions, clock.GetUtcNow(), outlines, keys);
    }
}
