namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>Monaco's real street network with a depot and a salt yard in it: the city the storm tests plow.</summary>
public static class MonacoCity
{
    /// <summary>Routing's settings (environment variable names): the network imported at start, the fleet's bases, a short planner.</summary>
    public static Dictionary<string, string> RoutingSettings() => new()
    {
        ["SnowOps__Routing__NetworkFile"] = Repo.Osm("monaco.osm.pbf"),
        // A depot in Fontvieille and a salt yard by the port; the example city's fleet is replaced, not merged.
        ["SnowOps__Routing__Fleet__Bases__0__Name"] = "Fontvieille depot",
        ["SnowOps__Routing__Fleet__Bases__0__Kind"] = "Depot",
        ["SnowOps__Routing__Fleet__Bases__0__Lon"] = "7.4165",
        ["SnowOps__Routing__Fleet__Bases__0__Lat"] = "43.7305",
        ["SnowOps__Routing__Fleet__Bases__1__Name"] = "Port salt yard",
        ["SnowOps__Routing__Fleet__Bases__1__Kind"] = "SaltYard",
        ["SnowOps__Routing__Fleet__Bases__1__Lon"] = "7.4235",
        ["SnowOps__Routing__Fleet__Bases__1__Lat"] = "43.7355",
        ["SnowOps__Routing__Fleet__Vehicles__0__HomeDepot"] = "Fontvieille depot",
        ["SnowOps__Routing__Fleet__Vehicles__1__HomeDepot"] = "Fontvieille depot",
        ["SnowOps__Routing__Planner__TimeLimitSeconds"] = "3",
    };
}
