namespace SnowOps.Routing.Network;

/// <summary>
/// Which OpenStreetMap ways are streets a plow drives, which way they run and how many passes they take.
/// Per city in <c>SnowOps:Routing:Roads</c>. Sets are written as maps to true/false so that a city's
/// configuration can switch one entry off (<c>"service": false</c>) without restating the others.
/// </summary>
public sealed class RoadRules
{
    /// <summary><c>highway</c> values that are drivable streets.</summary>
    public Dictionary<string, bool> Highways { get; set; } = Set(
        "motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
        "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link",
        "living_street", "service");

    /// <summary>
    /// Access values that take a street out of the network. Read from <c>motor_vehicle</c>, else <c>vehicle</c>,
    /// else <c>access</c>, so <c>access=no + motor_vehicle=yes</c> stays in.
    /// </summary>
    public Dictionary<string, bool> SkipAccess { get; set; } = Set("no", "private");

    /// <summary><c>highway</c> values that are one-way unless tagged otherwise.</summary>
    public Dictionary<string, bool> OneWayHighways { get; set; } = Set("motorway", "motorway_link");

    /// <summary><c>junction</c> values that are one-way unless tagged otherwise.</summary>
    public Dictionary<string, bool> OneWayJunctions { get; set; } = Set("roundabout", "circular");

    /// <summary>Lanes one plow pass clears: 1 means a pass per lane.</summary>
    public int LanesPerPass { get; set; } = 1;

    /// <summary>Passes in each direction a street is driven, whatever its lanes.</summary>
    public int MinPasses { get; set; } = 1;

    public bool IsDrivable(string? highway) => highway is not null && Highways.GetValueOrDefault(highway);

    public bool SkipsAccess(string? access) => access is not null && SkipAccess.GetValueOrDefault(access);

    public bool IsOneWayHighway(string? highway) => highway is not null && OneWayHighways.GetValueOrDefault(highway);

    public bool IsOneWayJunction(string? junction) => junction is not null && OneWayJunctions.GetValueOrDefault(junction);

    /// <summary>Passes for a direction with <paramref name="lanes"/> lanes (null when the street does not say).</summary>
    public int Passes(int? lanes) =>
        Math.Max(Math.Max(1, MinPasses), lanes is > 0 ? (lanes.Value + Math.Max(1, LanesPerPass) - 1) / Math.Max(1, LanesPerPass) : 1);

    static Dictionary<string, bool> Set(params string[] values) =>
        values.ToDictionary(v => v, _ => true, StringComparer.OrdinalIgnoreCase);
}
