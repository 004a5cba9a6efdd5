using System.Globalization;

namespace SnowOps.Routing.Network.Import;

/// <summary>Reads what OpenStreetMap tags (or a city file's properties written the same way) say about a street.</summary>
public static class RoadTags
{
    public static string? Get(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// OSM marks a bridge or slope with many values (yes, viaduct, up, 8%); city files often use true/false.
    /// Only an explicit negative or zero means "not".
    /// </summary>
    public static bool IsTagged(IReadOnlyDictionary<string, string> tags, string key) =>
        Get(tags, key)?.ToLowerInvariant() is { } value && value is not ("no" or "false" or "0" or "0%" or "0°");

    public static bool IsBridge(IReadOnlyDictionary<string, string> tags) => IsTagged(tags, "bridge");

    /// <summary>The street's name, else its reference number (<c>ref</c>: "A8", "D6007").</summary>
    public static string? Name(IReadOnlyDictionary<string, string> tags) => Get(tags, "name") ?? Get(tags, "ref");

    /// <summary>
    /// Steep by the city's rule: an <c>incline</c> of at least <see cref="PriorityRules.SteepInclinePercent"/>
    /// percent either way (<c>12%</c>, <c>-12%</c>, <c>12</c>, or degrees: <c>7°</c>), or one mapped without a grade
    /// (<c>up</c>, <c>down</c>, <c>yes</c>) when <see cref="PriorityRules.InclineWithoutGradeIsSteep"/>.
    /// </summary>
    public static bool IsSteep(IReadOnlyDictionary<string, string> tags, PriorityRules rules)
    {
        var incline = Get(tags, "incline")?.ToLowerInvariant();
        if (incline is null)
            return false;
        if (incline is "up" or "down" or "yes" or "true")
            return rules.InclineWithoutGradeIsSteep;
        var percent = InclinePercent(incline);
        return percent is { } grade && Math.Abs(grade) >= rules.SteepInclinePercent;
    }

    /// <summary>The grade in percent, or null when the value is not a number.</summary>
    public static double? InclinePercent(string incline)
    {
        var degrees = incline.EndsWith('°');
        var number = incline.TrimEnd('%', '°', ' ');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return null;
        return degrees ? Math.Tan(Math.Clamp(value, -89, 89) * Math.PI / 180) * 100 : value;
    }

    /// <summary>A lane count: the first whole number of the value ("2", "2;3" gives 2), or null.</summary>
    public static int? Lanes(IReadOnlyDictionary<string, string> tags, string key)
    {
        var value = Get(tags, key);
        if (value is null)
            return null;
        var digits = new string(value.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var lanes) && lanes is > 0 and < 100 ? lanes : null;
    }

    /// <summary>Whether access rules keep motor vehicles off: <c>motor_vehicle</c>, else <c>vehicle</c>, else <c>access</c>.</summary>
    public static bool IsClosedToTraffic(IReadOnlyDictionary<string, string> tags, RoadRules rules) =>
        rules.SkipsAccess((Get(tags, "motor_vehicle") ?? Get(tags, "vehicle") ?? Get(tags, "access"))?.ToLowerInvariant());

    /// <summary>A drivable street: a kept highway, not an area, not closed to traffic.</summary>
    public static bool IsRoad(IReadOnlyDictionary<string, string> tags, RoadRules rules) =>
        rules.IsDrivable(Get(tags, "highway"))
        && !IsTagged(tags, "area")
        && !IsClosedToTraffic(tags, rules);
}
