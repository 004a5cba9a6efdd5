using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Reports;

/// <summary>Builds the heating report of a period, for all companies or one.</summary>
public sealed class ReportBuilder(HeatingDbContext db, IComplaintDelays complaints)
{
    public async Task<HeatingReport> BuildAsync(DateTimeOffset from, DateTimeOffset to, string? companyId, CancellationToken cancellationToken)
    {
        var compounds = await db.Compounds.AsNoTracking().Where(c => companyId == null || c.CompanyId == companyId)
            .Select(c => new { c.CompoundId, c.Name, c.CompanyId, c.MonitoredSince }).ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().Where(c => companyId == null || c.CompanyId == companyId)
            .Select(c => new { c.CompanyId, c.Name }).ToListAsync(cancellationToken);
        var known = compounds.Select(c => c.CompoundId).ToHashSet();
        var checks = (await db.Readings.AsNoTracking().Where(r => r.Counted && r.Measured >= from && r.Measured < to)
                .GroupBy(r => r.CompoundId)
                .Select(g => new { CompoundId = g.Key, Checks = g.Count(), Passes = g.Count(r => !r.BelowStandard) })
                .ToListAsync(cancellationToken))
            .Where(c => known.Contains(c.CompoundId)).ToDictionary(c => c.CompoundId, c => PassRate.Of(c.Checks, c.Passes));
        var deficiencies = (await db.Deficiencies.AsNoTracking().Where(d => companyId == null || d.CompanyId == companyId)
                .Where(d => d.Found >= from && d.Found < to).ToListAsync(cancellationToken))
            .Where(d => known.Contains(d.CompoundId)).ToList();
        var byCompound = deficiencies.ToLookup(d => d.CompoundId);

        var compoundLines = compounds.OrderBy(c => c.CompanyId, StringComparer.Ordinal).ThenBy(c => c.CompoundId, StringComparer.Ordinal)
            .Select(c => new CompoundLine(c.CompoundId, c.Name, c.CompanyId, checks.GetValueOrDefault(c.CompoundId) ?? PassRate.Of(0, 0),
                byCompound[c.CompoundId].Count(d => d.IsOpen), byCompound[c.CompoundId].Count(d => !d.IsOpen),
                Durations.Of(FixHours(byCompound[c.CompoundId])).MedianHours, c.MonitoredSince))
            .ToList();
        var linesOf = compoundLines.ToLookup(l => l.CompanyId);
        var companyLines = companies.OrderBy(c => c.CompanyId, StringComparer.Ordinal).Select(company =>
        {
            var lines = linesOf[company.CompanyId].ToList();
            return new CompanyLine(company.CompanyId, company.Name, Sum(lines), lines.Sum(l => l.OpenDeficiencies), lines.Sum(l => l.ClosedDeficiencies));
        }).ToList();
        var delays = await complaints.HoursToCheckAsync(from, to, companyId, cancellationToken);
        var open = deficiencies.Where(d => d.IsOpen).OrderBy(d => d.Found)
            .Select(d => new OpenDeficiency(d.Id, d.CompoundId, d.CompanyId, d.AverageCelsius, d.StandardCelsius, d.Found, d.Round, d.RepairTaskId, d.Repaired))
            .ToList();
        return new HeatingReport(from, to, companyId, Sum(compoundLines), open.Count, deficiencies.Count - open.Count,
            Durations.Of(FixHours(deficiencies)), delays is null ? null : Durations.Of(delays), companyLines, compoundLines, open);
    }

    static PassRate Sum(IReadOnlyCollection<CompoundLine> lines) =>
        PassRate.Of(lines.Sum(l => l.PassRate.Checks), lines.Sum(l => l.PassRate.Passes));

    static IEnumerable<double> FixHours(IEnumerable<Deficiencies.Deficiency> deficiencies) =>
        deficiencies.Where(d => d.Closed is not null).Select(d => (d.Closed!.Value - d.Found).TotalHours);
}
