using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;

namespace SnowOps.Status.Dashboard;

/// <summary>Hourly series for the dashboard's charts: tasks completed in each hour and the cleared share at each hour's end.</summary>
public static class History
{
    public static async Task<object> ComputeAsync(StatusDbContext db, DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        var thisHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var from = thisHour.AddHours(1 - hours);
        var completed = (await db.Tasks.AsNoTracking()
                .Where(t => t.State == TaskState.Completed && t.StateChanged != null)
                .Select(t => new { t.Kind, t.StateChanged })
                .ToListAsync(cancellationToken))
            .Where(t => t.StateChanged >= from)
            .ToList();
        var events = await db.SnowEvents.AsNoTracking().Where(e => e.Phase != SnowPhase.Closed).Select(e => e.SnowEventId).ToListAsync(cancellationToken);
        var routes = await db.Routes.AsNoTracking().Where(r => events.Contains(r.SnowEventId)).ToListAsync(cancellationToken);
        var cleared = new ClearedShare(routes, await MapView.RouteTasksAsync(db, events, cancellationToken));

        var buckets = Enumerable.Range(0, hours).Select(i =>
        {
            var start = from.AddHours(i);
            var end = start.AddHours(1);
            var inHour = completed.Where(t => t.StateChanged >= start && t.StateChanged < end).ToList();
            var asOf = end < now ? end : now;
            return new
            {
                start,
                completed = inHour.Count,
                completedByKind = inHour.GroupBy(t => t.Kind).ToDictionary(g => g.Key.ToString(), g => g.Count()),
                clearedShare = cleared.Overall(asOf).ClearedShare,
                clearedByPriority = cleared.ByPriority(asOf: asOf).ToDictionary(s => s.PriorityClass, s => s.ClearedShare),
            };
        }).ToList();
        return new { asOf = now, hours, from, buckets };
    }
}
