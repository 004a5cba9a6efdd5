namespace SnowOps.Routing.Network;

/// <summary>
/// Which priority class a street falls in, from its OpenStreetMap <c>highway</c> tag. Per city in
/// <c>SnowOps:Routing:Priorities</c>; the defaults follow common practice (P1 arterials, P2 collectors, P3 the rest).
/// </summary>
public sealed class PriorityRules
{
    public Dictionary<string, string> ByHighway { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["motorway"] = "P1", ["motorway_link"] = "P1", ["trunk"] = "P1", ["trunk_link"] = "P1",
        ["primary"] = "P1", ["primary_link"] = "P1",
        ["secondary"] = "P2", ["secondary_link"] = "P2", ["tertiary"] = "P2", ["tertiary_link"] = "P2",
    };

    public string Fallback { get; set; } = "P3";

    /// <summary>Bridges are P1 whatever the street, since they ice first.</summary>
    public string Classify(string highway, bool bridge) =>
        bridge ? "P1" : ByHighway.GetValueOrDefault(highway, Fallback);
}
