namespace SnowOps.Weather.Feeds;

/// <summary>How one polled feed is doing: what <c>GET /api/alerts/feeds</c> shows, and when it is polled next.</summary>
public sealed class FeedStatus
{
    /// <summary>However often a feed fails, it is tried at least this often (or at its own interval, if longer).</summary>
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromHours(1);

    const int MaximumText = 2000;

    public required string Name { get; set; }
    public required string Url { get; set; }
    public DateTimeOffset? LastPollAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>The reason of the last failed poll; kept after the feed recovers, so ConsecutiveFailures says whether it still fails.</summary>
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? NextPollDue { get; set; }

    /// <summary>The validators of the last full answer, sent back so an unchanged feed answers 304.</summary>
    public string? ETag { get; set; }
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>New alerts (not duplicates) taken in from this feed since it was first polled.</summary>
    public long AlertsAccepted { get; set; }

    /// <summary>Index entries that could not be taken in (a broken CAP document, a missing link); the feed went on without them.</summary>
    public long EntriesSkipped { get; set; }
    public string? LastSkipped { get; set; }

    public void Succeeded(DateTimeOffset at, TimeSpan interval, FeedResponse response)
    {
        LastPollAt = at;
        LastSuccessAt = at;
        ConsecutiveFailures = 0;
        NextPollDue = at + interval;
        // A 304 carries no new validators worth keeping: the stored ones still describe the body we have.
        if (!response.NotModified)
        {
            ETag = response.ETag;
            LastModified = response.LastModified;
        }
    }

    public void Failed(DateTimeOffset at, TimeSpan interval, string error)
    {
        LastPollAt = at;
        LastError = Clip(error);
        ConsecutiveFailures++;
        NextPollDue = at + Backoff(interval, ConsecutiveFailures);
    }

    public void Count(int accepted, IReadOnlyList<string> skipped)
    {
        AlertsAccepted += accepted;
        EntriesSkipped += skipped.Count;
        if (skipped.Count > 0)
            LastSkipped = Clip(skipped[^1]);
    }

    /// <summary>interval × 2^failures, capped, so a feed that is down is asked less and less, never hammered.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var cap = interval > MaximumBackoff ? interval : MaximumBackoff;
        var seconds = interval.TotalSeconds * Math.Pow(2, Math.Clamp(failures, 0, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, cap.TotalSeconds));
    }

    static string Clip(string text) => text.Length <= MaximumText ? text : text[..MaximumText];
}
