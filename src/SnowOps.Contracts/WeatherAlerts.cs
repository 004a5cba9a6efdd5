namespace SnowOps.Contracts;

/// <summary>A new weather warning was accepted and normalised.</summary>
/// <param name="AlertId">SnowOps' id of the alert; stable for the same CAP sender and identifier.</param>
/// <param name="Identifier">The issuing agency's identifier (CAP <c>identifier</c>).</param>
/// <param name="Sender">The issuing agency (CAP <c>sender</c>).</param>
/// <param name="Hazard">The normalised hazard.</param>
/// <param name="Level">The normalised level.</param>
/// <param name="Event">The agency's own event name, e.g. "LEICHTER SCHNEEFALL".</param>
/// <param name="Headline">The headline in the configured language, if the alert has one.</param>
/// <param name="AreaDescription">The agency's description of the areas.</param>
/// <param name="AreaWkt">The affected area as WKT in WGS 84 (lon/lat), or null when the alert names areas only by code.</param>
/// <param name="Sent">When the agency sent it.</param>
/// <param name="Onset">When the weather is expected to start.</param>
/// <param name="Expires">When the alert stops being valid.</param>
/// <param name="Zones">Codes of the city's zones the alert concerns (by area or by agency geocode); empty when none match.</param>
public sealed record WeatherAlertIssued(
    Guid AlertId,
    string Identifier,
    string Sender,
    Hazard Hazard,
    AlertLevel Level,
    string Event,
    string? Headline,
    string? AreaDescription,
    string? AreaWkt,
    DateTimeOffset Sent,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    IReadOnlyList<string> Zones);

/// <summary>An alert was superseded by a CAP Update; the new content replaces the old.</summary>
/// <param name="AlertId">The id of the first alert of the update chain, so whoever followed it keeps following it.</param>
/// <param name="Identifier">The identifier of the updating message.</param>
/// <param name="Hazard">The hazard after the update.</param>
/// <param name="Level">The level after the update.</param>
/// <param name="Headline">The headline after the update.</param>
/// <param name="AreaWkt">The area after the update, WKT in WGS 84.</param>
/// <param name="Sent">When the update was sent.</param>
/// <param name="Onset">The onset after the update.</param>
/// <param name="Expires">The expiry after the update.</param>
/// <param name="Zones">The city's zones the alert concerns after the update.</param>
public sealed record WeatherAlertUpdated(
    Guid AlertId,
    string Identifier,
    Hazard Hazard,
    AlertLevel Level,
    string? Headline,
    string? AreaWkt,
    DateTimeOffset Sent,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    IReadOnlyList<string> Zones);

/// <summary>The agency withdrew an alert (CAP msgType Cancel).</summary>
/// <param name="AlertId">The id of the first alert of the withdrawn chain.</param>
/// <param name="Sent">When the cancellation was sent.</param>
public sealed record WeatherAlertCancelled(Guid AlertId, DateTimeOffset Sent);

/// <summary>An alert reached its expiry time without being cancelled.</summary>
/// <param name="AlertId">The id of the expired alert.</param>
/// <param name="Expired">The expiry time.</param>
public sealed record WeatherAlertExpired(Guid AlertId, DateTimeOffset Expired);
