using MassTransit;

namespace SnowOps.ServiceDefaults.Messaging;

/// <summary>
/// Tells, from the receive endpoints' health looked at again and again, which endpoints are stuck: down for longer than
/// the patience while the broker could be reached all that time (another endpoint of the process was receiving). A whole
/// broker away is not a stuck endpoint: MassTransit connects each endpoint again on its own, with at most 30 s between
/// tries, and the patience counts only from when the broker is back.
/// </summary>
public sealed class StuckEndpoints(TimeSpan patience)
{
    readonly Dictionary<string, DateTimeOffset> _downSince = [];
    DateTimeOffset? _reachableSince;

    /// <summary>Takes one look at a bus's health, each endpoint named by its queue's address.</summary>
    public IReadOnlyList<string> Observe(BusHealthResult health, DateTimeOffset now) =>
        Observe(health.Endpoints.ToDictionary(e => e.Value.InputAddress?.ToString() ?? e.Key, e => e.Value.Status), now);

    /// <summary>Takes one look at every endpoint's health; returns the endpoints stuck as of <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Observe(IReadOnlyDictionary<string, BusHealthStatus> endpoints, DateTimeOffset now)
    {
        foreach (var (name, status) in endpoints)
        {
            if (status == BusHealthStatus.Healthy)
                _downSince.Remove(name);
            else
                _downSince.TryAdd(name, now);
        }
        foreach (var gone in _downSince.Keys.Where(name => !endpoints.ContainsKey(name)).ToList())
            _downSince.Remove(gone);

        if (!endpoints.Values.Any(status => status == BusHealthStatus.Healthy))
        {
            _reachableSince = null;
            return [];
        }
        _reachableSince ??= now;
        var reachable = _reachableSince.Value;
        return [.. _downSince.Where(down => now - (down.Value > reachable ? down.Value : reachable) >= patience).Select(down => down.Key).Order()];
    }
}
