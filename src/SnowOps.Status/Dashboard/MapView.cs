using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;
using SnowOps.Status.Public;

namespace SnowOps.Status.Dashboard;

/// <summary>
/// What the dashboard's map draws from the read model: the routes of the open snow events' current plans, each with
/// the task made from it, the trucks where they last reported, and each compound's newest reading.
/// </summary>
public static class MapView
{
    public sealed record RouteTask(Guid TaskId, string Kind, string State, string? CrewId, double? PercentDone, DateTimeOffset? Changed,
        DateTimeOffset? Completed);

    public sealed record Route(Guid SnowEventId, Guid RouteId, string Name, string? VehicleId, string PriorityClass, double LengthMeters,
        IReadOnlyList<string> Streets, object? Geometry, RouteTask? Task);

    public sealed record Truck(string CrewId, Guid TaskId, string Kind, string State, double Lat, double Lon, DateTimeOffset? Reported);

    public sealed record Compound(string CompoundId, double AverageCelsius, bool BelowStandard, DateTimeOffset Measured);

    /// <summary>The snow events the dashboard shows by default: those not closed.</summary>
    public static async Task<HashSet<Guid>> OpenEventsAsync(StatusDbContext db, CancellationToken cancellationToken) =>
        (await db.SnowEvents.AsNoTracking().Where(e => e.Phase != SnowPhase.Closed).Select(e => e.SnowEventId).ToListAsync(cancellationToken))
        .ToHashSet();

    public static async Task<IReadOnlyList<Route>> RoutesAsync(StatusDbContext db, IReadOnlySet<Guid> events, CancellationToken cancellationToken)
    {
        var ids = events.ToList();
        var routes = await db.Routes.AsNoTracking().Where(r => ids.Contains(r.SnowEventId)).ToListAsync(cancellationToken);
        var tasks = await RouteTasksAsync(db, ids, cancellationToken);
        return routes.OrderBy(r => r.PriorityClass, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new Route(r.SnowEventId, r.RouteId, r.Name, r.VehicleId, r.PriorityClass, Math.Round(r.LengthMeters, 1), r.Streets,
                GeoJsonOf(r.GeometryWkt), tasks.GetValueOrDefault((r.SnowEventId, r.RouteId)) is { } t ? TaskOf(t) : null))
            .ToList();
    }

    /// <summary>
    /// The task standing for each route: a cancelled task gives way to the one that replaced it, and otherwise the newest
    /// announcement wins.
    /// </summary>
    public static async Task<Dictionary<(Guid, Guid), TaskRow>> RouteTasksAsync(StatusDbContext db, List<Guid> events,
        CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => events.Contains(t.SnowEventId) && t.SourceKey != null && t.SourceKey.StartsWith("route:"))
            .ToListAsync(cancellationToken);
        return tasks.Where(t => ServedRoutes.RouteOf(t) is not null)
            .GroupBy(t => (t.SnowEventId, ServedRoutes.RouteOf(t)!.Value))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.State == TaskState.Cancelled).ThenByDescending(t => t.Assigned).First());
    }

    public static async Task<IReadOnlyList<Truck>> TrucksAsync(StatusDbContext db, CancellationToken cancellationToken)
    {
        var placed = await db.Tasks.AsNoTracking()
            .Where(t => t.CrewId != null && t.Latitude != null && t.Longitude != null)
            .ToListAsync(cancellationToken);
        return placed.GroupBy(t => t.CrewId!, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(t => t.PositionReported).ThenByDescending(t => t.StateChanged).First())
            .OrderBy(t => t.CrewId, StringComparer.Ordinal)
            .Select(t => new Truck(t.CrewId!, t.TaskId, t.Kind.ToString(), t.State.ToString(), t.Latitude!.Value, t.Longitude!.Value, t.PositionReported))
            .ToList();
    }

    public static async Task<IReadOnlyList<Compound>> CompoundsAsync(StatusDbContext db, CancellationToken cancellationToken) =>
        (await db.CompoundReadings.AsNoTracking().ToListAsync(cancellationToken))
        .OrderBy(c => c.CompoundId, StringComparer.Ordinal)
        .Select(c => new Compound(c.CompoundId, c.AverageCelsius, c.BelowStandard, c.Measured))
        .ToList();

    static RouteTask TaskOf(TaskRow t) => new(t.TaskId, t.Kind.ToString(), t.State.ToString(), t.CrewId, t.PercentDone, t.StateChanged,
        t.State == TaskState.Completed ? t.StateChanged : null);

    /// <summary>A line or multi-line as a GeoJSON geometry object; anything else, or text that is not WKT, as nothing.</summary>
    public static object? GeoJsonOf(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
            return null;
        Geometry geometry;
        try
        {
            geometry = Wgs84.ReadWkt(wkt);
        }
        catch (ParseException)
        {
            return null;
        }
        var lines = geometry switch
        {
            LineString line => [line],
            MultiLineString multi => multi.Geometries.OfType<LineString>().ToArray(),
            _ => Array.Empty<LineString>(),
        };
        if (lines.Length == 0)
            return null;
        return new
        {
            type = "MultiLineString",
            coordinates = lines.Select(l => l.Coordinates.Select(c => new[] { Math.Round(c.X, 6), Math.Round(c.Y, 6) }).ToArray()).ToArray(),
        };
    }
}
