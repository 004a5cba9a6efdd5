using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SnowOps.Status.Data;

namespace SnowOps.Status.Tests;

/// <summary>Every read-model table as text, rows in key order: two read models are the same when their dumps are.</summary>
static class ReadModelDump
{
    public static async Task<string> Of(StatusDbContext db)
    {
        // When the read model first learnt of an alert is the one column that depends on when it ran, not on the events.
        var alerts = (await db.Alerts.AsNoTracking().ToListAsync()).OrderBy(a => a.AlertId)
            .Select(a => Line("alert", a.AlertId, a.Hazard, a.Level, a.Event, a.Headline, a.Onset, a.Expires, a.Active));
        var events = (await db.SnowEvents.AsNoTracking().ToListAsync()).OrderBy(e => e.SnowEventId)
            .Select(e => Line("snow-event", e.SnowEventId, e.Title, e.Hazard, e.Level, e.Phase, e.Proposed, e.PhaseChanged));
        var tasks = (await db.Tasks.AsNoTracking().ToListAsync()).OrderBy(t => t.TaskId)
            .Select(t => Line("task", t.TaskId, t.SnowEventId, t.Kind, t.Title, t.CrewId, t.State, t.Assigned, t.StateChanged, t.SourceKey,
                t.PriorityClass, t.GeometryWkt, t.Due, t.SegmentsDone, t.PercentDone, t.Latitude, t.Longitude, t.PositionReported, t.Problems));
        var problems = (await db.TaskProblems.AsNoTracking().ToListAsync()).OrderBy(p => p.TaskId).ThenBy(p => p.Reported)
            .Select(p => Line("problem", p.TaskId, p.Reported, p.CrewId, p.Problem));
        var plans = (await db.RoutePlans.AsNoTracking().ToListAsync()).OrderBy(p => p.SnowEventId)
            .Select(p => Line("plan", p.SnowEventId, p.Revision));
        var routes = (await db.Routes.AsNoTracking().ToListAsync()).OrderBy(r => r.SnowEventId).ThenBy(r => r.RouteId)
            .Select(r => Line("route", r.SnowEventId, r.RouteId, r.Name, r.VehicleId, r.PriorityClass, r.LengthMeters, r.GeometryWkt,
                string.Join('|', r.Streets), r.Revision));
        var readings = (await db.CompoundReadings.AsNoTracking().ToListAsync()).OrderBy(c => c.CompoundId, StringComparer.Ordinal)
            .Select(c => Line("reading", c.CompoundId, c.ReadingId, c.AverageCelsius, c.Measured, c.BelowStandard));
        var deficiencies = (await db.Deficiencies.AsNoTracking().ToListAsync()).OrderBy(d => d.DeficiencyId)
            .Select(d => Line("deficiency", d.DeficiencyId, d.CompoundId, d.CompanyId, d.ReadingId, d.AverageCelsius, d.StandardCelsius, d.Found));
        return string.Join('\n', alerts.Concat(events).Concat(tasks).Concat(problems).Concat(plans).Concat(routes).Concat(readings).Concat(deficiencies));
    }

    static string Line(params object?[] values) =>
        string.Join(' ', values.Select(v => v switch
        {
            null => "-",
            DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
}
