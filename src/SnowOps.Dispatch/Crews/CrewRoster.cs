using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Crews;

/// <summary>Puts the configured crews on the roster at start: a crew not there yet is added; crews changed through the API are left as they are.</summary>
public sealed class CrewRoster(DispatchDbContext db, IOptionsMonitor<DispatchOptions> options)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var known = (await db.Crews.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var c in options.CurrentValue.Crews.Where(c => c.Id.Length > 0 && !known.Contains(c.Id)).DistinctBy(c => c.Id))
        {
            db.Crews.Add(new Crew
            {
                Id = c.Id,
                Name = c.Name.Length > 0 ? c.Name : c.Id,
                Kinds = [.. c.Kinds],
                Zone = c.Zone,
                VehicleId = c.VehicleId,
                AlwaysOnDuty = c.AlwaysOnDuty,
            });
            added++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded the same crews at the same moment.
            db.ChangeTracker.Clear();
        }
        return added;
    }
}
