using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Zones;

/// <summary>
/// Which of the city's zones an alert concerns: those its area intersects, and those its agency geocodes
/// name. PostgreSQL answers the spatial part with PostGIS; the embedded mode compares in NetTopologySuite.
/// </summary>
public sealed class ZoneMatcher(WeatherDbContext db)
{
    public sealed record Match(IReadOnlyList<string> Codes, Geometry? Area);

    public async Task<Match> MatchAsync(Geometry? area, IReadOnlyCollection<string> geocodes, CancellationToken cancellationToken)
    {
        // A city has tens or hundreds of zones: codes are compared in memory; areas by PostGIS where there is one.
        var all = geocodes.Count > 0 || (area is not null && !db.Database.IsNpgsql())
            ? await db.Zones.AsNoTracking().ToListAsync(cancellationToken)
            : [];
        var byCode = all.Where(z => z.Geocodes.Any(geocodes.Contains)).ToList();
        var bySpace = area is null ? []
            : db.Database.IsNpgsql() ? await db.Zones.AsNoTracking().Where(z => z.Area.Intersects(area)).ToListAsync(cancellationToken)
            : all.Where(z => z.Area.Intersects(area)).ToList();
        var zones = byCode.Concat(bySpace).DistinctBy(z => z.Code).OrderBy(z => z.Code, StringComparer.Ordinal).ToList();

        // An alert that names areas only by code takes its shape from the zones those codes resolve to.
        var resolved = area ?? (byCode.Count == 0 ? null : Union(byCode.Select(z => z.Area)));
        return new Match(zones.Select(z => z.Code).ToList(), resolved);
    }

    static Geometry Union(IEnumerable<Geometry> areas)
    {
        var union = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(areas.ToList());
        union.SRID = Wgs84.Srid;
        return union;
    }
}
