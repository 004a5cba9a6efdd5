using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Status.Data;

namespace SnowOps.Status.Summary;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status/summary", SummaryAsync).RequireAuthorization(Policies.Watch).WithTags("Status")
            .WithSummary("The operation at a glance: active alerts, snow events with their phase, and tasks by state.");
        app.MapGet("/api/status/alerts", AlertsAsync).RequireAuthorization(Policies.Watch).WithTags("Status")
            .WithSummary("Alerts as the read model knows them, newest first, with when each reached it.");
        return app;
    }

    static async Task<IResult> AlertsAsync(StatusDbContext db, int? take, CancellationToken cancellationToken)
    {
        var rows = await db.Alerts.AsNoTracking().ToListAsync(cancellationToken);
        return Results.Ok(rows.OrderByDescending(a => a.Projected).Take(Math.Clamp(take ?? 200, 1, 10_000)).Select(a => new
        {
            a.AlertId, hazard = a.Hazard.ToString(), level = a.Level.ToString(), a.Event, a.Headline, a.Active, a.Projected,
        }));
    }

    static async Task<IResult> SummaryAsync(StatusDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.Active).ToListAsync(cancellationToken);
        var events = await db.SnowEvents.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Tasks.AsNoTracking()
            .GroupBy(t => new { t.SnowEventId, t.State })
            .Select(g => new { g.Key.SnowEventId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);

        static Dictionary<string, int> ByState(Func<TaskState, int> count) =>
            Enum.GetValues<TaskState>().ToDictionary(s => s.ToString().ToLowerInvariant(), count);

        return Results.Ok(new
        {
            activeAlerts = alerts.Select(a => new { a.AlertId, hazard = a.Hazard.ToString(), level = a.Level.ToString(), a.Event, a.Headline, a.Expires }),
            snowEvents = events.OrderByDescending(e => e.Proposed).Select(e => new
            {
                id = e.SnowEventId,
                e.Title,
                hazard = e.Hazard.ToString(),
                level = e.Level.ToString(),
                phase = e.Phase.ToString(),
                tasks = ByState(s => counts.Where(c => c.SnowEventId == e.SnowEventId && c.State == s).Sum(c => c.Count)),
                tasksTotal = counts.Where(c => c.SnowEventId == e.SnowEventId).Sum(c => c.Count),
            }),
            tasks = ByState(s => counts.Where(c => c.State == s).Sum(c => c.Count)),
            tasksTotal = counts.Sum(c => c.Count),
        });
    }
}
