using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Forecasts;

/// <summary>
/// The outdoor temperature forecast in force: at each moment the latest issued forecast that covers it. City-wide by
/// default; for a zone, the zone's own forecasts come first and the city's fill the rest.
/// </summary>
public sealed class OutdoorForecast(HeatingDbContext db) : Risk.IOutdoorForecast
{
    /// <summary>The lowest city-wide forecast temperature in [from, until], °C; null when no forecast covers any of it.</summary>
    public Task<double?> LowestAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        LowestInZoneAsync(from, until, null, cancellationToken);

    /// <summary>The time-weighted mean city-wide forecast temperature over the covered part of [from, until], °C; null when none is covered.</summary>
    public Task<double?> MeanAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        MeanInZoneAsync(from, until, null, cancellationToken);

    /// <summary>As <see cref="LowestAsync(DateTimeOffset, DateTimeOffset, CancellationToken)"/>, preferring the zone's own forecasts.</summary>
    public async Task<double?> LowestInZoneAsync(DateTimeOffset from, DateTimeOffset until, string? zone, CancellationToken cancellationToken) =>
        (await SeriesAsync(from, until, zone, cancellationToken)).Lowest(from, until);

    /// <summary>As <see cref="MeanAsync(DateTimeOffset, DateTimeOffset, CancellationToken)"/>, preferring the zone's own forecasts.</summary>
    public async Task<double?> MeanInZoneAsync(DateTimeOffset from, DateTimeOffset until, string? zone, CancellationToken cancellationToken) =>
        (await SeriesAsync(from, until, zone, cancellationToken)).Mean(from, until);

    /// <summary>The forecast in force over [from, until] for the city (zone null) or a zone.</summary>
    public async Task<ForecastSeries> SeriesAsync(DateTimeOffset from, DateTimeOffset until, string? zone, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrWhiteSpace(zone) ? ForecastIssue.City : zone.Trim();
        (from, until) = (from.ToUniversalTime(), until.ToUniversalTime());
        var headers = await db.ForecastIssues.AsNoTracking()
            .Where(i => (i.Zone == ForecastIssue.City || i.Zone == wanted) && i.From <= until && i.Until >= from)
            .Select(i => new ForecastIssue { Id = i.Id, Zone = i.Zone, Issued = i.Issued, Received = i.Received, From = i.From, Until = i.Until })
            .ToListAsync(cancellationToken);
        var needed = Needed(Preferred(headers, wanted), from, until);
        var issues = await db.ForecastIssues.AsNoTracking().Include(i => i.Points).Where(i => needed.Contains(i.Id)).ToListAsync(cancellationToken);
        return new ForecastSeries(Preferred(issues, wanted));
    }

    static IOrderedEnumerable<ForecastIssue> Preferred(IEnumerable<ForecastIssue> issues, string zone) => issues
        .OrderBy(i => i.Zone == zone ? 0 : 1)
        .ThenByDescending(i => i.Issued)
        .ThenByDescending(i => i.Received);

    /// <summary>
    /// The issues that govern some moment of [from, until]: one whose part of it lies wholly within the spans of preferred
    /// issues never does, and is not read (a feed polled hourly leaves many such).
    /// </summary>
    static List<Guid> Needed(IEnumerable<ForecastIssue> preferredFirst, DateTimeOffset from, DateTimeOffset until)
    {
        var needed = new List<Guid>();
        var spans = new List<(DateTimeOffset From, DateTimeOffset Until)>();
        foreach (var issue in preferredFirst)
        {
            var (start, end) = (issue.From > from ? issue.From : from, issue.Until < until ? issue.Until : until);
            if (!Covers(spans, start, end))
                needed.Add(issue.Id);
            spans.Add((issue.From, issue.Until));
        }
        return needed;
    }

    static bool Covers(List<(DateTimeOffset From, DateTimeOffset Until)> spans, DateTimeOffset start, DateTimeOffset end)
    {
        var reached = start;
        var any = false;
        foreach (var span in spans.OrderBy(s => s.From))
        {
            if (span.From > reached)
                break;
            if (span.Until >= reached)
                (reached, any) = (span.Until > reached ? span.Until : reached, true);
        }
        return any && reached >= end;
    }
}
