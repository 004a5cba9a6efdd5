using SnowOps.Routing.Fleet;
using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Vehicles of one type: they start and end at one home depot and run their trips from one base (the depot for plows,
/// the nearest salt yard for spreaders, where they load). Costs are seconds: service at plow speed, deadhead at travel speed.
/// </summary>
public sealed class Crew
{
    public required VehicleTypeOptions Type { get; init; }
    public required IReadOnlyList<Vehicle> Vehicles { get; init; }
    public required string BaseName { get; init; }
    public int Home { get; init; }
    public int Base { get; init; }
    public required int[] Travel { get; init; }
    public required int[] Serve { get; init; }
    public required long[] FromBase { get; init; }
    public required long[] ToBase { get; init; }

    /// <summary>Driving from home to the base before the first trip, and back after the last.</summary>
    public long StartOffset { get; init; }
    public long EndOffset { get; init; }

    public VehicleKind Kind => Type.Kind;
    public long ShiftSeconds => (long)Math.Round(Type.ShiftHours * 3600);
    public long TripBudget => Math.Max(1, ShiftSeconds - StartOffset - EndOffset);
    public long Capacity => Kind == VehicleKind.Spreader ? (long)Math.Floor(Type.DeIcerCapacityKg) : long.MaxValue / 4;

    /// <summary>The base can reach the street, serve it one way or the other, and get back.</summary>
    public bool CanReach(WorkItem item) =>
        (FromBase[item.From] != Dijkstra.Unreached && ToBase[item.To] != Dijkstra.Unreached)
        || (item.EitherWay && FromBase[item.To] != Dijkstra.Unreached && ToBase[item.From] != Dijkstra.Unreached);

    public static List<Crew> For(RoadGraph graph, IReadOnlyList<Vehicle> vehicles, FleetOptions fleet, int fallbackBase)
    {
        var crews = new List<Crew>();
        foreach (var group in vehicles.GroupBy(v => v.Type))
        {
            var type = group.Key;
            var homeBase = group.First().Home;
            var home = homeBase is null ? fallbackBase : graph.Nearest(homeBase.Lon, homeBase.Lat);
            var yard = type.Kind == VehicleKind.Spreader && homeBase is not null
                ? fleet.Bases.Where(b => b.Kind == BaseKind.SaltYard)
                    .MinBy(b => Math.Pow(b.Lon - homeBase.Lon, 2) + Math.Pow(b.Lat - homeBase.Lat, 2))
                : null;
            var baseVertex = yard is null ? home : graph.Nearest(yard.Lon, yard.Lat);
            var travel = graph.SecondsAt(type.TravelSpeedKmh);
            var search = new Dijkstra(graph, travel);
            var fromBase = search.All(baseVertex);
            var toBase = search.All(baseVertex, backward: true);
            crews.Add(new Crew
            {
                Type = type,
                Vehicles = group.ToList(),
                BaseName = yard?.Name ?? homeBase?.Name ?? "network centre",
                Home = home,
                Base = baseVertex,
                Travel = travel,
                Serve = graph.SecondsAt(type.PlowSpeedKmh),
                FromBase = fromBase,
                ToBase = toBase,
                StartOffset = Finite(fromBase[home]),
                EndOffset = Finite(toBase[home]),
            });
        }
        return crews;
    }

    static long Finite(long seconds) => seconds == Dijkstra.Unreached ? 0 : seconds;

    /// <summary>Where vehicles without a configured depot start: the vertex nearest the middle of the network.</summary>
    public static int FallbackBase(RoadGraph graph)
    {
        if (graph.VertexCount == 0)
            return -1;
        var lon = graph.Points.Average(p => p.X);
        var lat = graph.Points.Average(p => p.Y);
        return graph.Nearest(lon, lat);
    }
}
