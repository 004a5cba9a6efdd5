using System.Globalization;
using System.Text;
using System.Text.Json;
using SnowOps.Contracts;

namespace SnowOps.DashboardBench;

/// <summary>
/// A made-up city laid out as a grid: as many street segments as asked (each a block long), cut into plow routes of equal
/// size, each route with its plow task. Only its size matters to the benchmark; nothing in it is any real place.
/// </summary>
public sealed class GridCity
{
    const double West = 116.20, South = 39.80, LonStep = 0.0012, LatStep = 0.0009;

    public sealed record Segment(string Street, string Highway, string Priority, double Lon1, double Lat1, double Lon2, double Lat2);

    public sealed record Route(Guid RouteId, Guid TaskId, string Crew, string Priority, IReadOnlyList<Segment> Segments);

    public IReadOnlyList<Segment> Segments { get; }

    public IReadOnlyList<Route> Routes { get; }

    public Guid SnowEventId { get; } = Guid.NewGuid();

    public GridCity(int segments, int segmentsPerRoute)
    {
        Segments = Lay(segments);
        Routes = Segments.Chunk(segmentsPerRoute)
            .Select((chunk, i) => new Route(Guid.NewGuid(), Guid.NewGuid(), $"plow-{i + 1}", chunk.Min(s => s.Priority)!, chunk))
            .ToList();
    }

    static List<Segment> Lay(int count)
    {
        // k x k crossings give 2k(k-1) blocks; the first `count` of them are kept, streets before avenues.
        var k = 2;
        while (2 * k * (k - 1) < count)
            k++;
        var all = new List<Segment>(2 * k * (k - 1));
        for (var row = 0; row < k; row++)
        {
            var (highway, priority) = Class(row);
            for (var col = 0; col < k - 1; col++)
                all.Add(new Segment($"Street {row + 1}", highway, priority, Lon(col), Lat(row), Lon(col + 1), Lat(row)));
        }
        for (var col = 0; col < k; col++)
        {
            var (highway, priority) = Class(col);
            for (var row = 0; row < k - 1; row++)
                all.Add(new Segment($"Avenue {col + 1}", highway, priority, Lon(col), Lat(row), Lon(col), Lat(row + 1)));
        }
        return all.Take(count).ToList();
    }

    static (string Highway, string Priority) Class(int line) =>
        line % 10 == 0 ? ("primary", "P1") : line % 5 == 0 ? ("secondary", "P2") : ("residential", "P3");

    static double Lon(int col) => Math.Round(West + col * LonStep, 7);

    static double Lat(int row) => Math.Round(South + row * LatStep, 7);

    /// <summary>The network as the GeoJSON FeatureCollection <c>POST /api/network</c> takes.</summary>
    public string NetworkGeoJson()
    {
        var features = Segments.Select(s => new
        {
            type = "Feature",
            properties = new { name = s.Street, highway = s.Highway },
            geometry = new { type = "LineString", coordinates = new[] { new[] { s.Lon1, s.Lat1 }, new[] { s.Lon2, s.Lat2 } } },
        });
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }

    public static string Wkt(IEnumerable<Segment> segments)
    {
        var text = new StringBuilder("MULTILINESTRING (");
        var first = true;
        foreach (var s in segments)
        {
            text.Append(first ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({s.Lon1} {s.Lat1}, {s.Lon2} {s.Lat2})");
            first = false;
        }
        return text.Append(')').ToString();
    }

    public PlowRoutesAssigned Plan() => new(SnowEventId, Routes.Select(r => new PlannedRoute(
        r.RouteId, $"{r.Crew}: {r.Priority}", r.Priority, r.Segments.Count * 100.0, Wkt(r.Segments),
        r.Segments.Select(s => s.Street).Distinct().ToList(), r.Crew, "Plow")).ToList());

    public IEnumerable<TaskAssigned> Tasks(DateTimeOffset now) => Routes.Select(r => new TaskAssigned(
        r.TaskId, SnowEventId, TaskKind.PlowRoute, $"Plow {r.Crew}", r.Crew, Wkt(r.Segments), r.Segments.Count * 100.0, now, null,
        PriorityClass: r.Priority, SourceKey: $"route:{r.RouteId}"));

    /// <summary>The n-th progress report of a route's truck: it moves block by block and its share done only rises.</summary>
    public TaskProgressReported Progress(Route route, long n, DateTimeOffset at)
    {
        var segment = route.Segments[(int)(n % route.Segments.Count)];
        var percent = Math.Min(99.0, n * 0.05);
        return new TaskProgressReported(route.TaskId, route.Crew, segment.Lat2, segment.Lon2, percent, at);
    }
}
