using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;

namespace SnowOps.Status.Dashboard;

/// <summary>The dashboard's headline numbers, from the read model alone.</summary>
public static class Kpis
{
    static readonly TaskState[] Finished = [TaskState.Completed, TaskState.Cancelled];

    public static async Task<object> ComputeAsync(StatusDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await db.SnowEvents.AsNoTracking().Where(e => e.Phase != SnowPhase.Closed).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.SnowEventId).ToList();
        var routes = await db.Routes.AsNoTracking().Where(r => ids.Contains(r.SnowEventId)).ToListAsync(cancellationToken);
        var cleared = new ClearedShare(routes, await MapView.RouteTasksAsync(db, ids, cancellationToken));
        var open = await db.Tasks.AsNoTracking()
            .Where(t => !Finished.Contains(t.State))
            .GroupBy(t => t.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var readings = await db.CompoundReadings.AsNoTracking().Select(r => r.BelowStandard).ToListAsync(cancellationToken);
        var found = await db.Deficiencies.AsNoTracking().Select(d => d.Found).ToListAsync(cancellationToken);
        var passed = readings.Count(below => !below);

        return new
        {
            asOf = now,
            cleared = cleared.ByPriority(),
            clearedOverall = cleared.Overall(),
            snowEvents = events.OrderByDescending(e => e.Proposed).Select(e => new
            {
                id = e.SnowEventId, e.Title, phase = e.Phase.ToString(), level = e.Level.ToString(), e.PhaseChanged,
                cleared = cleared.ByPriority(e.SnowEventId),
            }),
            openTasks = new
            {
                byState = Enum.GetValues<TaskState>().Except(Finished)
                    .ToDictionary(s => s.ToString(), s => open.Where(o => o.State == s).Sum(o => o.Count)),
                total = open.Sum(o => o.Count),
            },
            heating = new
            {
                compoundsRead = readings.Count,
                passed,
                belowStandard = readings.Count - passed,
                passRate = readings.Count > 0 ? Math.Round((double)passed / readings.Count, 4) : (double?)null,
                deficienciesFound = found.Count,
                deficienciesLast24Hours = found.Count(f => f > now.AddHours(-24)),
            },
        };
    }
}
