using SnowOps.Contracts;
using SnowOps.Status.Projections;

namespace SnowOps.Status.Dashboard;

/// <summary>
/// How much of the planned route length is cleared, by priority class. A route counts once its plow task is completed;
/// de-icing routes are treatment, not clearing, and do not count either way.
/// </summary>
public sealed class ClearedShare
{
    public sealed record Route(Guid SnowEventId, string PriorityClass, double LengthMeters, TaskState? State, DateTimeOffset? Completed);

    public sealed record Share(string PriorityClass, int Routes, double LengthMeters, double ClearedMeters, double InProgressMeters, double? ClearedShare);

    readonly IReadOnlyList<Route> _routes;

    public ClearedShare(IEnumerable<RouteRow> routes, IReadOnlyDictionary<(Guid, Guid), TaskRow> tasks)
    {
        _routes = routes
            .Select(r => (Row: r, Task: tasks.GetValueOrDefault((r.SnowEventId, r.RouteId))))
            .Where(r => r.Task?.Kind != TaskKind.DeIcing)
            .Select(r => new Route(r.Row.SnowEventId, r.Row.PriorityClass, r.Row.LengthMeters, r.Task?.State,
                r.Task is { State: TaskState.Completed } done ? done.StateChanged : null))
            .ToList();
    }

    /// <summary>The shares now, or as they stood just before <paramref name="asOf"/>.</summary>
    public IEnumerable<Share> ByPriority(Guid? snowEventId = null, DateTimeOffset? asOf = null) =>
        _routes.Where(r => snowEventId is null || r.SnowEventId == snowEventId)
            .GroupBy(r => r.PriorityClass, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, g.ToList(), asOf));

    /// <summary>All classes together.</summary>
    public Share Overall(DateTimeOffset? asOf = null) => Of("all", _routes, asOf);

    static Share Of(string priorityClass, IReadOnlyCollection<Route> routes, DateTimeOffset? asOf)
    {
        var length = routes.Sum(r => r.LengthMeters);
        var cleared = routes.Where(r => r.Completed is { } at && (asOf is null || at < asOf)).Sum(r => r.LengthMeters);
        var inProgress = asOf is null ? routes.Where(r => r.State == TaskState.Started).Sum(r => r.LengthMeters) : 0;
        return new Share(priorityClass, routes.Count, Math.Round(length, 1), Math.Round(cleared, 1), Math.Round(inProgress, 1),
            length > 0 ? Math.Round(cleared / length, 4) : null);
    }
}
