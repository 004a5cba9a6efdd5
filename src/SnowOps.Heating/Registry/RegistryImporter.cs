using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Registry;

/// <summary>How an import went: rows added, rows that changed something, rows that matched what was stored.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// Upserts companies, heat stations and compounds by id. An import is all-or-nothing: every row is checked first,
/// and when any row is wrong nothing is saved and every wrong row is named. Importing the same file again changes nothing.
/// </summary>
public sealed class RegistryImporter(HeatingDbContext db, CompoundIndex index, TimeProvider clock)
{
    /// <summary>The result, or the rows that stopped the import (then nothing was saved).</summary>
    public sealed record Outcome(ImportResult? Result, IReadOnlyList<RowProblem> Problems);

    public async Task<Outcome> CompaniesAsync(ImportFile file, CancellationToken cancellationToken)
    {
        var ids = file.Rows.Select(RegistryRows.CompanyIdOf).OfType<string>().ToList();
        var stored = await db.Companies.Where(c => ids.Contains(c.CompanyId)).ToDictionaryAsync(c => c.CompanyId, cancellationToken);
        var known = await KnownAsync(cancellationToken);
        return await UpsertAsync(file, RegistryRows.CompanyIdOf, stored, (s, id, row, errors) => RegistryRows.Company(s, id, row, known, errors),
            RegistryRows.Same, (t, s) => RegistryRows.CopyInto(t, s), c => db.Companies.Add(c), cancellationToken);
    }

    public async Task<Outcome> StationsAsync(ImportFile file, CancellationToken cancellationToken)
    {
        var ids = file.Rows.Select(RegistryRows.StationIdOf).OfType<string>().ToList();
        var stored = await db.Stations.Where(s => ids.Contains(s.StationId)).ToDictionaryAsync(s => s.StationId, cancellationToken);
        var known = await KnownAsync(cancellationToken);
        return await UpsertAsync(file, RegistryRows.StationIdOf, stored, (s, id, row, errors) => RegistryRows.Station(s, id, row, known, errors),
            RegistryRows.Same, (t, s) => RegistryRows.CopyInto(t, s), s => db.Stations.Add(s), cancellationToken);
    }

    public async Task<Outcome> CompoundsAsync(ImportFile file, CancellationToken cancellationToken)
    {
        var ids = file.Rows.Select(RegistryRows.CompoundIdOf).OfType<string>().ToList();
        var stored = await db.Compounds.Where(c => ids.Contains(c.CompoundId)).ToDictionaryAsync(c => c.CompoundId, cancellationToken);
        var known = await KnownAsync(cancellationToken);
        return await UpsertAsync(file, RegistryRows.CompoundIdOf, stored, (s, id, row, errors) => RegistryRows.Compound(s, id, row, known, errors),
            RegistryRows.Same, (target, source) =>
            {
                RegistryRows.CopyInto(target, source);
                target.Version++;
            }, c => db.Compounds.Add(c), cancellationToken);
    }

    public async Task<RegistryRows.Known> KnownAsync(CancellationToken cancellationToken)
    {
        var companies = await db.Companies.AsNoTracking().Select(c => c.CompanyId).ToListAsync(cancellationToken);
        var stations = await db.Stations.AsNoTracking().Select(s => new { s.StationId, s.CompanyId }).ToListAsync(cancellationToken);
        return new RegistryRows.Known(companies.ToHashSet(StringComparer.Ordinal),
            stations.ToDictionary(s => s.StationId, s => s.CompanyId, StringComparer.Ordinal), clock.GetUtcNow().Year);
    }

    async Task<Outcome> UpsertAsync<T>(ImportFile file, Func<ImportRow, string?> idOf, Dictionary<string, T> stored,
        Func<T?, string, ImportRow, List<string>, T> build, Func<T, T, bool> same, Action<T, T> update, Action<T> add,
        CancellationToken cancellationToken) where T : class
    {
        var problems = file.Problems.ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new List<(T? Stored, T Candidate)>();
        foreach (var row in file.Rows)
        {
            var errors = new List<string>();
            var id = idOf(row);
            if (RegistryRows.IdProblem(id) is { } idProblem)
                errors.Add(idProblem);
            else if (seen.TryGetValue(id!, out var first))
                errors.Add($"id '{id}' is also on row {first}");
            else
            {
                seen[id!] = row.Number;
                var existing = stored.GetValueOrDefault(id!);
                var candidate = build(existing, id!, row, errors);
                changes.Add((existing, candidate));
            }
            if (errors.Count > 0)
                problems.Add(new RowProblem(row.Number, errors));
        }
        if (problems.Count > 0)
            return new Outcome(null, [.. problems.OrderBy(p => p.Row)]);

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (existing, candidate) in changes)
        {
            if (existing is null)
            {
                add(candidate);
                created++;
            }
            else if (same(existing, candidate))
                unchanged++;
            else
            {
                update(existing, candidate);
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (created + updated > 0)
            index.Invalidate();
        return new Outcome(new ImportResult(created, updated, unchanged), []);
    }
}
