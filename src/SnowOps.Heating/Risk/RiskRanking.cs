using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Risk;

/// <summary>Gathers what the risk scores are made from: the compounds' readings, complaints, the forecast and the plans in force.</summary>
public sealed class RiskRanking(HeatingDbContext db, IComplaintCounts complaints, IOutdoorForecast forecast, IOptionsMonitor<RiskOptions> options,
    IOptionsMonitor<MeasuringMethod> method)
{
    public RiskOptions Options => options.CurrentValue;

    /// <summary>The year, the forecast ahead of <paramref name="now"/>, and the parts boosted by the operations in force.</summary>
    public async Task<RiskContext> ContextAsync(DateTimeOffset now, IEnumerable<ColdOperation> operations, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var lowest = await forecast.LowestAsync(now, now.AddHours(o.ForecastHours), cancellationToken);
        var first = operations.SelectMany(op => op.FirstCompounds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new RiskContext(o.ReferenceYear ?? now.Year, lowest, first);
    }

    /// <summary>The facts of each compound: readings below or near the standard within the window, and complaints.</summary>
    public async Task<List<CompoundFacts>> FactsAsync(IReadOnlyList<Compound> compounds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var standard = method.CurrentValue.StandardCelsius;
        var since = now.AddDays(-o.ReadingWindowDays);
        var readings = (await db.Readings.AsNoTracking().Where(r => r.Measured >= since)
                .Select(r => new { r.CompoundId, r.AverageCelsius }).ToListAsync(cancellationToken))
            .GroupBy(r => r.CompoundId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Below: g.Count(r => r.AverageCelsius < standard),
                Near: g.Count(r => r.AverageCelsius >= standard && r.AverageCelsius < standard + o.NearStandardCelsius)), StringComparer.Ordinal);
        var counts = await complaints.PerCompoundAsync(now, cancellationToken);
        return compounds.Select(c =>
        {
            var (below, near) = readings.TryGetValue(c.CompoundId, out var seen) ? seen : FromLastReading(c, since, standard, o);
            return new CompoundFacts(c.CompoundId, c.CompanyId, c.BuiltYear, c.ColdArea, c.ColdSpots, below, near,
                counts.GetValueOrDefault(c.CompoundId));
        }).ToList();
    }

    /// <summary>The compounds ranked by risk, highest first, with their parts; of one company when <paramref name="companyId"/> is given.</summary>
    public async Task<(RiskContext Context, List<RiskScore> Scores)> RankAsync(string? companyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.Compounds.AsNoTracking();
        if (companyId is not null)
            query = query.Where(c => c.CompanyId == companyId);
        var compounds = await query.ToListAsync(cancellationToken);
        var context = await ContextAsync(now, await ColdOperation.ActiveAsync(db, now, cancellationToken), cancellationToken);
        var o = options.CurrentValue;
        var scores = (await FactsAsync(compounds, now, cancellationToken))
            .Select(f => RiskScorer.Score(f, context, o))
            .OrderByDescending(s => s.Total).ThenBy(s => s.CompoundId, StringComparer.Ordinal)
            .ToList();
        return (context, scores);
    }

    /// <summary>A compound whose readings are not in the table (imported with its last reading) still counts that reading.</summary>
    static (int Below, int Near) FromLastReading(Compound c, DateTimeOffset since, double standard, RiskOptions o) =>
        c is { LastReadingCelsius: { } last, LastReadingAt: { } at } && at >= since
            ? (last < standard ? 1 : 0, last >= standard && last < standard + o.NearStandardCelsius ? 1 : 0)
            : (0, 0);
}
