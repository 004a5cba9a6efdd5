using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Cuts a kind's work into sectors and gives each sector to one crew: largest sector first, to the crew whose vehicles
/// would be least loaded after taking it (work per vehicle, with the drive from its base counted twice). Streets the
/// chosen crew cannot reach and come back from are reported unreachable.
/// </summary>
public static class SectorAssignment
{
    public sealed record Sector(Crew Crew, List<WorkItem> Items);

    public static List<Sector> Assign(RoadGraph graph, IReadOnlyList<Crew> crews, IReadOnlyList<WorkItem> items, int maxItems, List<UnservedWork> unserved)
    {
        var reachable = items.Where(i => crews.Any(c => c.CanReach(i))).ToList();
        unserved.AddRange(items.Except(reachable).Select(i => PlowPlanner.Unserved(graph, i, UnservedReasons.Unreachable, crews[0].Kind)));
        var cuts = Sectors.Cut(reachable, i => Place(graph, i), maxItems);
        var load = crews.ToDictionary(c => c, _ => 0.0);
        var sectors = new List<Sector>();
        foreach (var cut in cuts.OrderByDescending(c => c.Sum(i => graph.Segments[i.Segment].LengthMeters)))
        {
            var work = cut.Sum(i => graph.Segments[i.Segment].LengthMeters);
            var mid = graph.Points[cut[0].From];
            var crew = crews.Where(c => cut.Any(c.CanReach))
                .MinBy(c => (load[c] + work + 2 * Meters(graph, c.Base, mid.X, mid.Y)) / c.Vehicles.Count)!;
            load[crew] += work + 2 * Meters(graph, crew.Base, mid.X, mid.Y);
            var served = cut.Where(crew.CanReach).ToList();
            unserved.AddRange(cut.Except(served).Select(i => PlowPlanner.Unserved(graph, i, UnservedReasons.Unreachable, crews[0].Kind)));
            if (served.Count > 0)
                sectors.Add(new Sector(crew, served));
        }
        return sectors;
    }

    static (double X, double Y, double Weight) Place(RoadGraph graph, WorkItem item)
    {
        var a = graph.Points[item.From];
        var b = graph.Points[item.To];
        var lat = (a.Y + b.Y) / 2;
        return ((a.X + b.X) / 2 * Math.Cos(lat * Math.PI / 180), lat, Math.Max(1, graph.Segments[item.Segment].LengthMeters));
    }

    static double Meters(RoadGraph graph, int vertex, double lon, double lat) =>
        Network.Geodesy.Distance(graph.Points[vertex], new NetTopologySuite.Geometries.Coordinate(lon, lat));
}
