using System.Collections.Concurrent;

namespace SnowOps.Weather.Feeds;

/// <summary>
/// Index entries already fetched, per feed, so an index that changed fetches only its new entries. Kept in
/// memory only: after a restart each entry is fetched once more, and intake recognises the alert it holds.
/// </summary>
public sealed class SeenEntries
{
    readonly ConcurrentDictionary<string, IReadOnlySet<string>> _byFeed = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> For(string feed) => _byFeed.TryGetValue(feed, out var seen) ? seen : new HashSet<string>();

    /// <summary>Replaced by what the current index still lists, so the set never outgrows the feed.</summary>
    public void Replace(string feed, IReadOnlySet<string> seen) => _byFeed[feed] = seen;
}
