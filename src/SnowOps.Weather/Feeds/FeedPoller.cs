using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.Weather.Alerts;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Feeds;

/// <summary>
/// One poll of one feed: a conditional GET, the alerts it holds handed to <see cref="AlertIntake"/> exactly as
/// POSTed ones are, and the outcome kept in the feed's <see cref="FeedStatus"/>.
/// </summary>
public sealed class FeedPoller(WeatherDbContext db, AlertIntake intake, FeedFetcher fetcher, SeenEntries seen, TimeProvider clock, ILogger<FeedPoller> logger)
{
    const string CapType = "application/cap+xml";
    const string GeoJsonType = "application/geo+json";

    int _accepted;
    readonly List<string> _skipped = [];

    /// <summary>Polls unless the feed is backing off. The trigger fires at the plain interval; this is what spaces polls out after failures.</summary>
    public async Task<bool> PollIfDueAsync(FeedOptions feed, CancellationToken cancellationToken)
    {
        var status = await db.Set<FeedStatus>().AsNoTracking().FirstOrDefaultAsync(s => s.Name == feed.Name, cancellationToken);
        // Half an interval of slack: a trigger firing a moment early must not cost a whole extra interval.
        if (status?.NextPollDue is { } due && clock.GetUtcNow() < due - feed.Interval / 2)
            return false;
        await PollAsync(feed, cancellationToken);
        return true;
    }

    public async Task<FeedStatus> PollAsync(FeedOptions feed, CancellationToken cancellationToken)
    {
        var before = await db.Set<FeedStatus>().AsNoTracking().FirstOrDefaultAsync(s => s.Name == feed.Name, cancellationToken);
        var started = clock.GetUtcNow();
        _accepted = 0;
        _skipped.Clear();
        FeedResponse? response = null;
        string? error = null;
        try
        {
            response = await fetcher.GetAsync(feed.Uri, before?.ETag, before?.LastModified, cancellationToken);
            if (!response.NotModified)
                await TakeAsync(feed, response.Body, cancellationToken);
        }
        catch (Exception e) when (IsFeedFailure(e, cancellationToken))
        {
            error = e is OperationCanceledException ? $"{feed.Url} did not answer in time." : e.Message;
            logger.LogWarning("Feed {Feed} failed: {Error}", feed.Name, error);
        }
        foreach (var skipped in _skipped)
            logger.LogWarning("Feed {Feed} skipped an entry: {Reason}", feed.Name, skipped);
        return await RecordAsync(feed, started, error is null ? response : null, error, cancellationToken);
    }

    static bool IsFeedFailure(Exception e, CancellationToken cancellationToken) =>
        e is FeedFailure or AlertRejected or HttpRequestException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    Task TakeAsync(FeedOptions feed, byte[] body, CancellationToken cancellationToken) => feed.Format switch
    {
        FeedFormat.Cap => AcceptAsync([CapParser.Parse(new MemoryStream(body))], body, CapType, cancellationToken),
        FeedFormat.NwsGeoJson => AcceptAsync(NwsParser.Parse(new MemoryStream(body)), body, GeoJsonType, cancellationToken),
        _ => TakeIndexAsync(feed, body, cancellationToken),
    };

    async Task TakeIndexAsync(FeedOptions feed, byte[] body, CancellationToken cancellationToken)
    {
        var known = seen.For(feed.Name);
        var stillListed = new HashSet<string>();
        foreach (var entry in CapIndex.Read(new MemoryStream(body), feed.Uri))
        {
            if (entry.Embedded is { } alert)
            {
                await TakeEntryAsync(entry.Id, Encoding.UTF8.GetBytes(alert), cancellationToken);
                continue;
            }
            if (entry.Link is not { } link)
            {
                _skipped.Add($"{entry.Id}: no http(s) link to a CAP document.");
                continue;
            }
            var key = link.AbsoluteUri;
            if (known.Contains(key) || stillListed.Contains(key))
            {
                stillListed.Add(key);
                continue;
            }
            try
            {
                var document = await fetcher.GetAsync(link, null, null, cancellationToken);
                await TakeEntryAsync(key, document.Body, cancellationToken);
                stillListed.Add(key);
            }
            catch (FeedFailure e)
            {
                // Not marked seen: an entry the server could not give now is asked for again when the index changes.
                _skipped.Add($"{key}: {e.Message}");
            }
        }
        seen.Replace(feed.Name, stillListed);
    }

    /// <summary>An entry that is not a CAP 1.2 alert is recorded and skipped: one broken entry must not stall the feed.</summary>
    async Task TakeEntryAsync(string entry, byte[] document, CancellationToken cancellationToken)
    {
        CapAlert alert;
        try
        {
            alert = CapParser.Parse(new MemoryStream(document));
        }
        catch (AlertRejected e)
        {
            _skipped.Add($"{entry}: {e.Message}");
            return;
        }
        await AcceptAsync([alert], document, CapType, cancellationToken);
    }

    async Task AcceptAsync(IReadOnlyList<CapAlert> alerts, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        var document = Encoding.UTF8.GetString(body);
        foreach (var alert in alerts)
        {
            var result = await intake.AcceptAsync(alert, document, contentType, cancellationToken);
            if (result.Outcome != IntakeOutcome.Duplicate)
                _accepted++;
        }
    }

    async Task<FeedStatus> RecordAsync(FeedOptions feed, DateTimeOffset started, FeedResponse? response, string? error, CancellationToken cancellationToken)
    {
        // Loaded afresh: intake may have cleared the change tracker after a duplicate race.
        var status = await db.Set<FeedStatus>().FirstOrDefaultAsync(s => s.Name == feed.Name, cancellationToken);
        if (status is null)
        {
            status = new FeedStatus { Name = feed.Name, Url = feed.Url };
            db.Add(status);
        }
        status.Url = feed.Url;
        if (response is not null)
            status.Succeeded(started, feed.Interval, response);
        else
            status.Failed(started, feed.Interval, error ?? "Unknown failure.");
        status.Count(_accepted, _skipped);
        await db.SaveChangesAsync(cancellationToken);
        return status;
    }
}
