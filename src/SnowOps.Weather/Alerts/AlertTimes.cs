using System.Globalization;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// Date-times in alerts. Beyond parsing, a time must lie in a plausible window: year 0001 or 9999 is a typo
/// or a probe, and the expiry timers and offsets computed from it later must not overflow.
/// </summary>
public static class AlertTimes
{
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time, or null when the text is not a date-time within the window.</summary>
    public static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time >= Earliest && time < Latest
            ? time
            : null;
}
