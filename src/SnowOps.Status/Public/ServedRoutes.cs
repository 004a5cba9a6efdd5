using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Public;

/// <summary>
/// The current routes with the plow and de-icing tasks made from them (a route task's source key is
/// <c>route:&lt;routeId&gt;</c>): what the public lookup answers from.
/// </summary>
public sealed class ServedRoutes
{
    const string RoutePrefix = "route:";
    const double SameRoadMeters = 1;

    readonly List<RouteRow> _routes;
    readonly ILookup<(Guid SnowEventId, Guid RouteId), TaskRow> _tasks;
    readonly Dictionary<Guid, string> _events;

    ServedRoutes(List<RouteRow> routes, List<TaskRow> tasks, Dictionary<Guid, string> events)
    {
        _routes = routes;
        _tasks = tasks.Where(t => RouteOf(t) is not null).ToLookup(t => (t.SnowEventId, RouteOf(t)!.Value));
        _events = events;
    }

    public static async Task<ServedRoutes> LoadAsync(StatusDbContext db, CancellationToken cancellationToken)
    {
        var routes = await db.Routes.AsNoTracking().ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => (t.Kind == TaskKind.PlowRoute || t.Kind == TaskKind.DeIcing) && t.SourceKey != null && t.SourceKey.StartsWith(RoutePrefix))
            .ToListAsync(cancellationToken);
        var events = await db.SnowEvents.AsNoTracking().ToDictionaryAsync(e => e.SnowEventId, e => e.Title, cancellationToken);
        return new ServedRoutes(routes, tasks, events);
    }

    /// <summary>The route a task was made from, read from its source key.</summary>
    public static Guid? RouteOf(TaskRow task) =>
        task.SourceKey is { } key && key.StartsWith(RoutePrefix, StringComparison.Ordinal) && Guid.TryParse(key[RoutePrefix.Length..], out var id)
            ? id
            : null;

    /// <summary>Every street name the routes list, each once whatever its case.</summary>
    public IEnumerable<string> StreetNames =>
        _routes.SelectMany(r => r.Streets).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The streets of the route nearest a point, if one passes within <paramref name="meters"/>; routes sharing the
    /// nearest road (a plow's and a spreader's over the same street) give all their streets.
    /// </summary>
    public IReadOnlyList<string> StreetsNear(double latitude, double longitude, double meters)
    {
        var near = _routes
            .Select(r => (Route: r, Line: RouteLine.Read(r.GeometryWkt)))
            .Where(r => r.Line is not null && r.Route.Streets.Count > 0)
            .Select(r => (r.Route, Distance: r.Line!.DistanceMeters(latitude, longitude)))
            .Where(r => r.Distance <= meters)
            .ToList();
        if (near.Count == 0)
            return [];
        var nearest = near.Min(r => r.Distance);
        return near.Where(r => r.Distance <= nearest + SameRoadMeters)
            .SelectMany(r => r.Route.Streets).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public StreetStatus StatusOf(string street)
    {
        var tasks = _routes
            .Where(r => r.Streets.Any(s => string.Equals(s.Trim(), street, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(r => _tasks[(r.SnowEventId, r.RouteId)])
            .ToList();
        return new StreetStatus(street, LastCompleted(tasks, TaskKind.PlowRoute), LastCompleted(tasks, TaskKind.DeIcing),
            tasks.Any(t => t.State == TaskState.Started));
    }

    ServiceTime? LastCompleted(IEnumerable<TaskRow> tasks, TaskKind kind) =>
        tasks.Where(t => t.Kind == kind && t.State == TaskState.Completed && t.StateChanged is not null)
            .OrderByDescending(t => t.StateChanged)
            .Select(t => new ServiceTime(t.StateChanged!.Value, t.SnowEventId, _events.GetValueOrDefault(t.SnowEventId)))
            .FirstOrDefault();

    /// <summary>Completed route tasks with a place, newest first, each with its route's streets and its snow event's title.</summary>
    public IEnumerable<(TaskRow Task, IReadOnlyList<string> Streets, string? SnowEvent)> Cleared(DateTimeOffset? since) =>
        _tasks.SelectMany(g => g)
            .Where(t => t.State == TaskState.Completed && t.StateChanged is { } at && (since is null || at >= since) && !string.IsNullOrWhiteSpace(t.GeometryWkt))
            .OrderByDescending(t => t.StateChanged)
            .Select(t => (t, StreetsOf(t), _events.GetValueOrDefault(t.SnowEventId)));

    IReadOnlyList<string> StreetsOf(TaskRow task) =>
        _routes.FirstOrDefault(r => r.SnowEventId == task.SnowEventId && r.RouteId == RouteOf(task))?.Streets ?? [];
}
