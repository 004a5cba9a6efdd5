namespace SnowOps.Routing.Fleet;

/// <summary>One vehicle of the fleet: its number in the plan, its name and its type.</summary>
public sealed record Vehicle(int Number, string Id, VehicleTypeOptions Type, BaseOptions? Home)
{
    public VehicleKind Kind => Type.Kind;
}

/// <summary>Turns the configured vehicle types into the vehicles a plan uses.</summary>
public static class FleetRoster
{
    /// <summary>A plow type used when a city has configured none: the request's count, default speeds, based at the network's middle.</summary>
    public static readonly VehicleTypeOptions DefaultPlow = new() { Name = "plow", Kind = VehicleKind.Plow };

    /// <summary>
    /// The first <paramref name="plows"/> plows in configuration order (all when zero or fewer), and every spreader.
    /// Numbers run from 1 in that order.
    /// </summary>
    public static IReadOnlyList<Vehicle> For(FleetOptions fleet, int plows)
    {
        var all = Expand(fleet).ToList();
        var plowTypes = all.Where(v => v.Type.Kind == VehicleKind.Plow).ToList();
        if (plowTypes.Count == 0)
            plowTypes = [.. Enumerable.Range(1, Math.Max(1, plows)).Select(i => ($"{DefaultPlow.Name}-{i}", DefaultPlow, (BaseOptions?)null))];
        var chosen = plows > 0 ? plowTypes.Take(plows) : plowTypes;
        var spreaders = all.Where(v => v.Type.Kind == VehicleKind.Spreader);
        return chosen.Concat(spreaders).Select((v, i) => new Vehicle(i + 1, v.Id, v.Type, v.Home)).ToList();
    }

    static IEnumerable<(string Id, VehicleTypeOptions Type, BaseOptions? Home)> Expand(FleetOptions fleet)
    {
        foreach (var type in fleet.Vehicles)
        {
            var home = fleet.Bases.FirstOrDefault(b => b.Name == type.HomeDepot);
            for (var i = 1; i <= type.Count; i++)
                yield return (type.Count == 1 ? type.Name : $"{type.Name}-{i}", type, home);
        }
    }
}
