using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SnowOps.Routing;
using SnowOps.Routing.Fleet;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Planning.Graph;
using SnowOps.Routing.Scale;

namespace SnowOps.Cli.Routing;

/// <summary>
/// <c>snowops route scale</c>: generates grid cities of the given sizes, plans each through the same planner the service
/// uses, and prints time, memory and cost beside path scanning alone (every class mixed) on the same city in the same run.
/// </summary>
public static class ScaleCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Required segments per city, comma-separated.", DefaultValueFactory = _ => "1000,5000,20000" };
        var seconds = new Option<double>("--seconds") { Description = "Optimizer time limit per plan (shared by classes and sectors).", DefaultValueFactory = _ => 5 };
        var plows = new Option<int>("--plows") { Description = "Plows (default: one per 500 segments, at least 2)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated city.", DefaultValueFactory = _ => 1 };
        var network = new Option<FileInfo[]>("--network")
        {
            Description = "Also plan a real network: an OpenStreetMap extract (.osm.pbf) or GeoJSON file, imported with the default rules.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("scale", "Plan generated cities of growing size; print time, peak memory and cost beside the baseline.")
        {
            sizes, seconds, plows, seed, network,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var counts = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 10 and <= 200_000 ? n : -1).ToList();
            if (counts.Count == 0 || counts.Contains(-1))
            {
                Console.Error.WriteLine("--sizes takes whole numbers from 10 to 200000, e.g. 1000,5000,20000.");
                return Task.FromResult(2);
            }
            var files = parse.GetValue(network) ?? [];
            if (files.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                Console.Error.WriteLine($"No network file at {missing.FullName}.");
                return Task.FromResult(2);
            }
            var limit = Math.Clamp(parse.GetValue(seconds), 0.1, 600);
            Console.WriteLine(Invariant($"Plow route planning on real and generated cities ({Environment.ProcessorCount} cores, optimizer limit {limit:0.#} s per plan):"));
            Console.WriteLine();
            Console.WriteLine("| city | segments | vertices | plows | time s | allocated MB | peak working set MB | cost h | P1 done h | left out | baseline time s | baseline cost h | baseline P1 done h | baseline left out |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            int Plows(int count) => parse.GetValue(plows) is > 0 and var p ? p : Math.Max(2, (int)Math.Ceiling(count / 500.0));
            foreach (var file in files)
            {
                var streets = RealCity.Read(file.FullName, cancellationToken);
                Console.WriteLine(Row(file.Name, streets, Plows(streets.Count), limit, cancellationToken));
            }
            foreach (var count in counts)
            {
                var streets = GridCity.WithSegments(count, parse.GetValue(seed));
                Console.WriteLine(Row("generated grid", streets, Plows(count), limit, cancellationToken));
            }
            Console.WriteLine();
            Console.WriteLine("cost: hours driven by all vehicles (service and deadhead); P1 done: when the last P1 street is served, hours into the shift.");
            Console.WriteLine("baseline: path scanning alone on the same sectors, every class mixed, trips shared longest first.");
            return Task.FromResult(0);
        });
        return command;
    }

    static string Row(string city, List<SnowOps.Routing.Network.RoadSegment> streets, int plows, double seconds, CancellationToken cancellationToken)
    {
        var vertices = RoadGraph.Build(streets).VertexCount;
        var options = Options(streets, seconds);
        var fleet = FleetRoster.For(options.Fleet, plows);
        var classes = new[] { "P1", "P2", "P3" };

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var plan = PlowPlanner.Plan(new PlanRequest(streets, classes, fleet, options, -3), cancellationToken);
        var elapsed = watch.Elapsed.TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

        watch.Restart();
        var baseline = PlowPlanner.Plan(new PlanRequest(streets, classes, fleet, options, -3) { PriorityAware = false, ScanOnly = true }, cancellationToken);
        var baselineSeconds = watch.Elapsed.TotalSeconds;
        return Invariant($"| {city} | {streets.Count:N0} | {vertices:N0} | {plows} | {elapsed:F1} | {allocatedMb:N0} | {peakMb:N0} | {plan.TotalSeconds / 3600.0:F1} | {plan.FinishOf("P1") / 3600.0:F2} | {plan.Unserved.Count} | {baselineSeconds:F1} | {baseline.TotalSeconds / 3600.0:F1} | {baseline.FinishOf("P1") / 3600.0:F2} | {baseline.Unserved.Count} |");
    }

    /// <summary>A depot in the middle of the city, a salt yard at its south-west corner, two spreaders.</summary>
    static RoutingOptions Options(IReadOnlyList<SnowOps.Routing.Network.RoadSegment> streets, double seconds)
    {
        var lon = streets.Average(s => s.Geometry.Coordinates[0].X);
        var lat = streets.Average(s => s.Geometry.Coordinates[0].Y);
        var corner = streets.MinBy(s => s.Geometry.Coordinates[0].X + s.Geometry.Coordinates[0].Y)!.Geometry.Coordinates[0];
        return new RoutingOptions
        {
            Fleet = new FleetOptions
            {
                Bases = [new() { Name = "depot", Kind = BaseKind.Depot, Lon = lon, Lat = lat }, new() { Name = "yard", Kind = BaseKind.SaltYard, Lon = corner.X, Lat = corner.Y }],
                Vehicles =
                [
                    new() { Name = "plow", Kind = VehicleKind.Plow, Count = 1000, HomeDepot = "depot", PlowSpeedKmh = 20, TravelSpeedKmh = 35, ShiftHours = 8 },
                    new() { Name = "spreader", Kind = VehicleKind.Spreader, Count = 2, HomeDepot = "depot", DeIcerCapacityKg = 6000, PlowSpeedKmh = 25, TravelSpeedKmh = 35, ShiftHours = 8 },
                ],
            },
            Planner = new PlannerOptions { TimeLimitSeconds = seconds },
        };
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
