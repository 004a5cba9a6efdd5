namespace SnowOps.Routing.Network;

/// <summary>
/// Which priority class a street falls in. Per city in <c>SnowOps:Routing:Priorities</c>; the defaults follow
/// common practice: P1 arterials, bridges, steep slopes and the access to hospitals and fire stations;
/// P2 collectors; P3 the rest. A street takes the highest class any rule gives it ("P1" before "P2").
/// </summary>
public sealed class PriorityRules
{
    /// <summary>Class per OSM <c>highway</c> value; others get <see cref="Fallback"/>.</summary>
    public Dictionary<string, string> ByHighway { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["motorway"] = "P1", ["motorway_link"] = "P1", ["trunk"] = "P1", ["trunk_link"] = "P1",
        ["primary"] = "P1", ["primary_link"] = "P1",
        ["secondary"] = "P2", ["secondary_link"] = "P2", ["tertiary"] = "P2", ["tertiary_link"] = "P2",
    };

    public string Fallback { get; set; } = "P3";

    /// <summary>Class of any bridge, since bridges ice first; empty to class bridges by their highway only.</summary>
    public string Bridges { get; set; } = "P1";

    /// <summary>Class of a steep street; empty to class slopes by their highway only.</summary>
    public string Slopes { get; set; } = "P1";

    /// <summary>An <c>incline</c> of at least this many percent, up or down, is steep.</summary>
    public double SteepInclinePercent { get; set; } = 8;

    /// <summary>Whether <c>incline=up|down|yes</c> (a slope mapped without its grade) counts as steep.</summary>
    public bool InclineWithoutGradeIsSteep { get; set; } = true;

    /// <summary>Class of the streets near a hospital or fire station; empty for none.</summary>
    public string EmergencyAccess { get; set; } = "P1";

    /// <summary>How near (metres, to the street's line) a site must be for the street to be its access.</summary>
    public double EmergencyAccessMeters { get; set; } = 300;

    /// <summary>OSM <c>amenity</c> values whose nodes and areas are emergency sites.</summary>
    public Dictionary<string, bool> EmergencyAmenities { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hospital"] = true, ["fire_station"] = true,
    };

    /// <summary>Sites the city names itself, besides those the map has.</summary>
    public List<AccessSite> EmergencySites { get; set; } = [];

    /// <summary>Whether bridges and steep streets need de-icer.</summary>
    public bool DeIceBridgesAndSlopes { get; set; } = true;

    /// <summary><c>highway</c> values that always need de-icer (ramps).</summary>
    public Dictionary<string, bool> DeIceHighways { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["motorway_link"] = true, ["trunk_link"] = true, ["primary_link"] = true,
    };

    public bool IsEmergencyAmenity(string? amenity) => amenity is not null && EmergencyAmenities.GetValueOrDefault(amenity);

    public bool NeedsDeIcing(string highway, bool bridge, bool slope) =>
        (DeIceBridgesAndSlopes && (bridge || slope)) || DeIceHighways.GetValueOrDefault(highway);

    /// <summary>The highest class that the street's highway, bridge, slope and emergency access give it.</summary>
    public string Classify(string highway, bool bridge, bool slope = false, bool emergencyAccess = false)
    {
        var result = ByHighway.GetValueOrDefault(highway, Fallback);
        if (bridge)
            result = Higher(result, Bridges);
        if (slope)
            result = Higher(result, Slopes);
        if (emergencyAccess)
            result = Higher(result, EmergencyAccess);
        return result;
    }

    /// <summary>Classes sort by name: "P1" is plowed before "P2".</summary>
    static string Higher(string current, string raised) =>
        string.IsNullOrWhiteSpace(raised) || string.CompareOrdinal(raised, current) >= 0 ? current : raised;
}
