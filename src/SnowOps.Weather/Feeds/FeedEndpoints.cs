using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Weather.Data;

namespace SnowOps.Weather.Feeds;

public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts/feeds", ListAsync).WithTags("Alerts").RequireAuthorization(Policies.Watch)
            .WithSummary("Health of every configured polled feed: last poll, last success, failures, next poll due.");
        return app;
    }

    /// <summary>Every configured feed, polled or not yet; a feed removed from configuration is no longer shown.</summary>
    static async Task<IResult> ListAsync(WeatherDbContext db, IOptions<WeatherOptions> options, CancellationToken cancellationToken)
    {
        var statuses = await db.FeedStatuses.AsNoTracking().ToListAsync(cancellationToken);
        return Results.Ok(options.Value.Feeds.Select(feed =>
        {
            var status = statuses.FirstOrDefault(s => s.Name == feed.Name);
            return new
            {
                feed.Name,
                feed.Url,
                format = feed.Format.ToString(),
                feed.IntervalSeconds,
                healthy = status is null ? (bool?)null : status.ConsecutiveFailures == 0,
                lastPollAt = status?.LastPollAt,
                lastSuccessAt = status?.LastSuccessAt,
                lastError = status?.LastError,
                consecutiveFailures = status?.ConsecutiveFailures ?? 0,
                nextPollDue = status?.NextPollDue,
                etag = status?.ETag,
                lastModified = status?.LastModified,
                alertsAccepted = status?.AlertsAccepted ?? 0,
                entriesSkipped = status?.EntriesSkipped ?? 0,
                lastSkipped = status?.LastSkipped,
            };
        }));
    }
}
