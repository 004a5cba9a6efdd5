using System.Diagnostics;

namespace SnowOps.Optimizer.Search;

/// <summary>When the search must stop: time is up or the caller cancelled.</summary>
sealed class StopCondition(TimeSpan limit, CancellationToken token)
{
    readonly Stopwatch clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => clock.Elapsed;

    public bool Reached => token.IsCancellationRequested || clock.Elapsed >= limit;

    /// <summary>Whether more than this share of the time limit has gone.</summary>
    public bool Spent(double share) => clock.Elapsed.TotalSeconds > share * limit.TotalSeconds;
}
