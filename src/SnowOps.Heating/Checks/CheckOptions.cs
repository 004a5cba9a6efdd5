namespace SnowOps.Heating.Checks;

/// <summary>How often compounds are checked, and how the scheduler runs; bound from <see cref="Section"/>.</summary>
public sealed class CheckOptions
{
    public const string Section = "SnowOps:Heating";

    /// <summary>How often a compound is checked in normal times, unless the compound says otherwise (168 h: weekly).</summary>
    public double CheckEveryHours { get; set; } = 168;

    /// <summary>How often a compound under continuous monitoring is checked.</summary>
    public double MonitoredEveryHours { get; set; } = 24;

    /// <summary>How often every compound is checked while a cold-wave warning is in force.</summary>
    public double ColdWaveCheckEveryHours { get; set; } = 24;

    /// <summary>The compounds a cold-wave warning puts first ("old", "cold-area", "complaints"); a plan's own list applies to its event.</summary>
    public List<string> ColdWaveFirstCompounds { get; set; } = [];

    /// <summary>How long a plan's heating actions last when the snow event is never seen to close, in hours.</summary>
    public double EventHours { get; set; } = 168;

    /// <summary>How often the scheduler looks for compounds due a check, in seconds.</summary>
    public double SchedulerSeconds { get; set; } = 300;

    /// <summary>The time zone the inspectors' working day (and so the daily capacity) is counted in, as an IANA or Windows id.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        foreach (var (name, hours) in new[]
                 {
                     (nameof(CheckEveryHours), CheckEveryHours), (nameof(MonitoredEveryHours), MonitoredEveryHours),
                     (nameof(ColdWaveCheckEveryHours), ColdWaveCheckEveryHours), (nameof(EventHours), EventHours),
                 })
        {
            if (!double.IsFinite(hours) || hours is < 1 or > 24 * 366)
                return $"{Section}:{name} is {hours}; it must be 1 to {24 * 366} hours.";
        }
        if (!double.IsFinite(SchedulerSeconds) || SchedulerSeconds is < 1 or > 86_400)
            return $"{Section}:SchedulerSeconds is {SchedulerSeconds}; it must be 1 to 86400.";
        return Zone() is null ? $"{Section}:TimeZone '{TimeZone}' is not a time zone this machine knows." : null;
    }

    /// <summary>The configured time zone, or null when it is unknown.</summary>
    public TimeZoneInfo? Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : null;

    /// <summary>The working day <paramref name="at"/> falls on, in the configured time zone.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone() ?? TimeZoneInfo.Utc).DateTime);

    /// <summary>When the working day after the one <paramref name="at"/> falls on begins.</summary>
    public DateTimeOffset EndOfDay(DateTimeOffset at)
    {
        var zone = Zone() ?? TimeZoneInfo.Utc;
        var next = DayOf(at).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}
