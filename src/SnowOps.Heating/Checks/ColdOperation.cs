using Microsoft.EntityFrameworkCore;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Checks;

/// <summary>
/// A cold wave or snow operation that raises how often compounds are checked: a plan's heating actions (until its snow
/// event closes) or a cold-wave warning (until it is cancelled or expires).
/// </summary>
public sealed class ColdOperation
{
    public const string SnowEvent = "snow-event";
    public const string ColdWaveAlert = "cold-wave-alert";

    /// <summary>"event:" and the snow event's id, or "alert:" and the warning's id.</summary>
    public required string Id { get; set; }

    /// <summary><see cref="SnowEvent"/> or <see cref="ColdWaveAlert"/>.</summary>
    public required string Kind { get; set; }
    public Guid? SnowEventId { get; set; }
    public Guid? AlertId { get; set; }
    public double CheckEveryHours { get; set; }

    /// <summary>The compounds put first, comma-separated ("old,cold-area,complaints").</summary>
    public string First { get; set; } = "";
    public DateTimeOffset Started { get; set; }

    /// <summary>When it ends unless it is ended sooner (the warning's expiry, or the plan's longest run).</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>When it was ended (event closed, warning cancelled or expired); null while it lasts.</summary>
    public DateTimeOffset? Ended { get; set; }

    public IReadOnlyList<string> FirstCompounds => First.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string EventKey(Guid snowEventId) => "event:" + snowEventId.ToString("N");

    public static string AlertKey(Guid alertId) => "alert:" + alertId.ToString("N");

    /// <summary>The operations in force at <paramref name="now"/>.</summary>
    public static async Task<List<ColdOperation>> ActiveAsync(HeatingDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.ColdOperations.AsNoTracking().Where(o => o.Ended == null).ToListAsync(cancellationToken))
        .Where(o => o.Until is not { } until || until > now)
        .ToList();
}
