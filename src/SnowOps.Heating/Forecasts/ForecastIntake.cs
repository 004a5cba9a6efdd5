using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Forecasts;

/// <summary>Checks a forecast and keeps it once: the same source, zone and issue time twice is one forecast.</summary>
public sealed class ForecastIntake(HeatingDbContext db, IOptionsMonitor<ForecastOptions> options, TimeProvider clock)
{
    public const int SourceLength = 64;
    public const int ZoneLength = 128;

    public sealed record PointRequest(DateTimeOffset? At, double? Celsius);

    public sealed record ForecastRequest(string? Source, DateTimeOffset? Issued, List<PointRequest?>? Points, string? Zone = null);

    public enum Outcome { Created, Duplicate, Conflict, Invalid, Unprocessable, TooMany }

    public sealed record Result(Outcome Outcome, string? Problem = null, ForecastIssue? Issue = null);

    public async Task<Result> AcceptAsync(ForecastRequest request, string receivedBy, CancellationToken cancellationToken)
    {
        if (Check(request) is { } refused)
            return refused;
        var source = request.Source!.Trim();
        var zone = string.IsNullOrWhiteSpace(request.Zone) ? ForecastIssue.City : request.Zone.Trim();
        var issued = Instant(request.Issued!.Value);
        var points = request.Points!.Select(p => (At: Instant(p!.At!.Value), Celsius: p.Celsius!.Value)).ToList();

        if (await FindAsync(source, zone, issued, cancellationToken) is { } existing)
            return Same(existing, points);

        var issue = new ForecastIssue
        {
            Id = NewId.NextGuid(), Source = source, Zone = zone, Issued = issued, From = points[0].At, Until = points[^1].At,
            Received = clock.GetUtcNow(), ReceivedBy = receivedBy,
        };
        issue.Points = points.Select(p => new ForecastPoint { IssueId = issue.Id, At = p.At, Celsius = p.Celsius }).ToList();
        db.ForecastIssues.Add(issue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same issue between the look and the save.
            db.ChangeTracker.Clear();
            if (await FindAsync(source, zone, issued, cancellationToken) is { } winner)
                return Same(winner, points);
            throw;
        }
        return new Result(Outcome.Created, Issue: issue);
    }

    Result? Check(ForecastRequest request)
    {
        var limits = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(request.Source) || request.Source.Trim().Length > SourceLength)
            return new(Outcome.Invalid, $"source is required (at most {SourceLength} characters).");
        if (request.Zone?.Trim() is { Length: > ZoneLength })
            return new(Outcome.Invalid, $"zone is longer than {ZoneLength} characters.");
        if (request.Issued is not { } issued)
            return new(Outcome.Invalid, "issued is required: when the source issued the forecast.");
        if (request.Points is not { Count: > 0 } points)
            return new(Outcome.Invalid, "points is required: at least one { at, celsius }.");
        if (points.Count > limits.MaxPoints)
            return new(Outcome.TooMany, $"A forecast takes at most {limits.MaxPoints} points; {points.Count} were given.");
        for (var k = 0; k < points.Count; k++)
        {
            if (points[k] is not { At: not null, Celsius: not null } point)
                return new(Outcome.Invalid, $"points[{k}] needs both at and celsius.");
            if (!double.IsFinite(point.Celsius.Value) || point.Celsius < limits.LowestCelsius || point.Celsius > limits.HighestCelsius)
                return new(Outcome.Unprocessable,
                    $"points[{k}].celsius is {point.Celsius}; an outdoor temperature lies between {limits.LowestCelsius} and {limits.HighestCelsius} °C.");
            if (k > 0 && Instant(point.At.Value) <= Instant(points[k - 1]!.At!.Value))
                return new(Outcome.Unprocessable, $"points[{k}].at is not after points[{k - 1}].at: points must be in time order, each moment once.");
        }
        if (issued > clock.GetUtcNow().AddMinutes(5))
            return new(Outcome.Unprocessable, "issued lies in the future.");
        return null;
    }

    /// <summary>
    /// Times are kept in UTC to the millisecond: SQLite stores them as integers that order and compare only so, and
    /// the same issue sent again with another offset or more digits is still the same issue.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    Task<ForecastIssue?> FindAsync(string source, string zone, DateTimeOffset issued, CancellationToken cancellationToken) =>
        db.ForecastIssues.AsNoTracking().Include(i => i.Points)
            .FirstOrDefaultAsync(i => i.Source == source && i.Zone == zone && i.Issued == issued, cancellationToken);

    /// <summary>A repeat is a no-op; different values under the same issue are refused, since the first one was already used.</summary>
    static Result Same(ForecastIssue existing, List<(DateTimeOffset At, double Celsius)> points)
    {
        var stored = existing.Points.OrderBy(p => p.At).Select(p => (p.At, p.Celsius)).ToList();
        var same = stored.Count == points.Count && stored.Zip(points).All(pair => pair.First.At == pair.Second.At && pair.First.Celsius == pair.Second.Celsius);
        return same
            ? new Result(Outcome.Duplicate, Issue: existing)
            : new Result(Outcome.Conflict,
                $"A forecast from '{existing.Source}' issued {existing.Issued:O} is already stored with other values; a correction needs a new issue time.",
                existing);
    }
}
