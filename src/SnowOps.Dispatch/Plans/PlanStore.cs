using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Plans;

/// <summary>
/// The plan templates, versioned in Dispatch's database. The configured plans are the first versions; an edit through
/// the API adds a version; a snow event keeps the version it was proposed with (or escalated to).
/// </summary>
public sealed class PlanStore(DispatchDbContext db, IOptionsMonitor<DispatchOptions> options, TimeProvider clock)
{
    public const string Configuration = "configuration";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Current(int Version, PlanTemplate Plan, PlanVersion Row);

    /// <summary>Adds a version for each configured plan that differs from the last version configuration gave it.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var plan in options.CurrentValue.Plans.Where(p => p.Name.Length > 0).DistinctBy(p => p.Name))
        {
            var body = JsonSerializer.Serialize(plan, Json);
            var versions = await db.Plans.AsNoTracking().Where(p => p.Name == plan.Name).ToListAsync(cancellationToken);
            var lastConfigured = versions.Where(v => v.CreatedBy == Configuration).MaxBy(v => v.Version);
            if (lastConfigured?.Body == body)
                continue;
            db.Plans.Add(new PlanVersion
            {
                Name = plan.Name,
                Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
                Body = body,
                CreatedBy = Configuration,
                Created = clock.GetUtcNow(),
            });
            added++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded the same versions at the same moment.
            db.ChangeTracker.Clear();
            return 0;
        }
        return added;
    }

    /// <summary>The latest version of every plan.</summary>
    public async Task<IReadOnlyList<Current>> LatestAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Plans.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Name).Select(g => g.MaxBy(r => r.Version)!)
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new Current(r.Version, Read(r.Body), r))
            .ToList();
    }

    /// <summary>
    /// The plan for a hazard and level: among plans not retired, the matching one with the highest MinLevel. A plan
    /// that names zones answers only a warning for one of them (and wins over a city-wide plan of the same level);
    /// <paramref name="zones"/> null (an event a dispatcher opens) leaves zones out of the choice.
    /// </summary>
    public async Task<Current?> ForAsync(Hazard hazard, AlertLevel level, CancellationToken cancellationToken, IReadOnlyCollection<string>? zones = null) =>
        (await LatestAsync(cancellationToken))
            .Where(c => !c.Row.Retired && c.Plan.Hazards.Contains(hazard) && level >= c.Plan.MinLevel)
            .Where(c => zones is null || c.Plan.Zones.Count == 0 || c.Plan.Zones.Intersect(zones, StringComparer.Ordinal).Any())
            .OrderByDescending(c => c.Plan.MinLevel)
            .ThenBy(c => zones is not null && c.Plan.Zones.Count > 0 ? 0 : 1)
            .ThenBy(c => c.Plan.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>One version of a plan, or its latest when <paramref name="version"/> is null.</summary>
    public async Task<PlanTemplate?> GetAsync(string name, int? version, CancellationToken cancellationToken)
    {
        var rows = db.Plans.AsNoTracking().Where(p => p.Name == name);
        var row = version is { } v
            ? await rows.FirstOrDefaultAsync(p => p.Version == v, cancellationToken)
            : await rows.OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Read(row.Body);
    }

    /// <summary>Adds the next version of a plan; null when another edit took that version number first.</summary>
    public async Task<PlanVersion?> SaveAsync(PlanTemplate plan, int? expectedVersion, string by, CancellationToken cancellationToken)
    {
        var latest = await db.Plans.AsNoTracking().Where(p => p.Name == plan.Name).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        if (expectedVersion is { } expected && expected != latest)
            return null;
        var row = new PlanVersion
        {
            Name = plan.Name,
            Version = latest + 1,
            Body = JsonSerializer.Serialize(plan, Json),
            CreatedBy = by,
            Created = clock.GetUtcNow(),
        };
        db.Plans.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    public static PlanTemplate Read(string body) =>
        JsonSerializer.Deserialize<PlanTemplate>(body, Json) ?? throw new InvalidDataException("A stored plan version is empty.");
}
