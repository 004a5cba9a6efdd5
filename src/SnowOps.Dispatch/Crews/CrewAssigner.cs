using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Crews;

/// <summary>
/// Picks the crew for new work among the crews on duty: the crew driving the route's vehicle if one is on duty,
/// otherwise the crew with the fewest open tasks among those that take the kind, preferring the task's zone.
/// One instance serves one message or request, so a storm's thousands of tasks load the roster once.
/// </summary>
public sealed class CrewAssigner(DispatchDbContext db, TimeProvider clock)
{
    readonly Dictionary<string, int> _open = [];
    List<OnDuty>? _onDuty;

    /// <summary>A crew on duty now, with the vehicle and zone of its current shift (null for a standing crew off shift).</summary>
    public sealed record OnDuty(Crew Crew, string? VehicleId, string? Zone, Shift? Shift = null);

    public async Task<string?> PickAsync(TaskKind kind, string? zone, string? vehicleId, IEnumerable<string> exclude, CancellationToken cancellationToken)
    {
        var onDuty = await OnDutyAsync(cancellationToken);
        var excluded = exclude.ToHashSet(StringComparer.Ordinal);
        var candidates = onDuty.Where(c => c.Crew.Takes(kind) && !excluded.Contains(c.Crew.Id)).ToList();
        if (candidates.Count == 0)
            return null;
        var driver = vehicleId is null ? null : candidates.FirstOrDefault(c => c.VehicleId == vehicleId);
        var pick = driver ?? candidates
            .OrderBy(c => zone is not null && c.Zone != zone ? 1 : 0)
            .ThenBy(c => _open.GetValueOrDefault(c.Crew.Id))
            .ThenBy(c => c.Crew.Id, StringComparer.Ordinal)
            .First();
        _open[pick.Crew.Id] = _open.GetValueOrDefault(pick.Crew.Id) + 1;
        return pick.Crew.Id;
    }

    /// <summary>The crews on duty now: standing crews, and crews with a shift that covers now.</summary>
    public async Task<IReadOnlyList<OnDuty>> OnDutyAsync(CancellationToken cancellationToken)
    {
        if (_onDuty is not null)
            return _onDuty;
        var now = clock.GetUtcNow();
        var crews = await db.Crews.AsNoTracking().Where(c => !c.Retired).ToListAsync(cancellationToken);
        // SQLite keeps times as UTC-ordered integers (SqliteConventions), so only the shifts under way are read.
        var shifts = (await db.Shifts.AsNoTracking().Where(s => s.Start <= now && s.End > now).ToListAsync(cancellationToken))
            .GroupBy(s => s.CrewId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Start).First());
        _onDuty = crews
            .Where(c => c.AlwaysOnDuty || shifts.ContainsKey(c.Id))
            .Select(c => shifts.TryGetValue(c.Id, out var s)
                ? new OnDuty(c, s.VehicleId ?? c.VehicleId, s.Zone ?? c.Zone, s)
                : new OnDuty(c, c.VehicleId, c.Zone))
            .OrderBy(c => c.Crew.Id, StringComparer.Ordinal)
            .ToList();
        var counts = await db.Tasks
            .Where(t => t.CrewId != null && (t.State == TaskState.Assigned || t.State == TaskState.Accepted || t.State == TaskState.Started))
            .GroupBy(t => t.CrewId!)
            .Select(g => new { Crew = g.Key, Open = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var count in counts)
            _open[count.Crew] = count.Open;
        return _onDuty;
    }

    /// <summary>A crew's open tasks (assigned, accepted or started), including those picked for it by this instance.</summary>
    public int OpenTasks(string crewId) => _open.GetValueOrDefault(crewId);
}
