namespace SnowOps.Heating.Readings;

/// <summary>
/// The city's night standard, where it has one (New York: 62 °F from 10 pm to 6 am), and the time zone its night is
/// reckoned in. The day standard is <see cref="SnowOps.Contracts.MeasuringMethod.StandardCelsius"/>; both bind from
/// <see cref="Section"/>.
/// </summary>
public sealed class IndoorStandard
{
    public const string Section = "SnowOps:Heating";

    /// <summary>The standard at night; null where the city has none and the day standard holds all day.</summary>
    public double? NightStandardCelsius { get; set; }

    /// <summary>When the night begins, in the city's local time.</summary>
    public TimeOnly NightFrom { get; set; } = new(22, 0);

    /// <summary>When the night ends, in the city's local time.</summary>
    public TimeOnly NightUntil { get; set; } = new(6, 0);

    /// <summary>The city's time zone, as an IANA id (e.g. "Asia/Shanghai", "America/New_York").</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Why the settings cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        if (NightStandardCelsius is { } night && !double.IsFinite(night))
            return "SnowOps:Heating:NightStandardCelsius must be a number.";
        if (NightFrom == NightUntil)
            return "SnowOps:Heating:NightFrom and NightUntil must differ.";
        return TryZone(TimeZone) is null ? $"SnowOps:Heating:TimeZone '{TimeZone}' is not a known time zone id." : null;
    }

    /// <summary>Whether a moment falls in the city's night (a night that runs past midnight included).</summary>
    public bool IsNight(DateTimeOffset moment)
    {
        var zone = TryZone(TimeZone) ?? TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);
        return NightFrom < NightUntil
            ? local >= NightFrom && local < NightUntil
            : local >= NightFrom || local < NightUntil;
    }

    /// <summary>The standard a measurement at this moment is judged against, and whether it is the night one.</summary>
    public (double Celsius, bool Night) At(DateTimeOffset moment, double dayStandardCelsius) =>
        NightStandardCelsius is { } night && IsNight(moment) ? (night, true) : (dayStandardCelsius, false);

    static TimeZoneInfo? TryZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
