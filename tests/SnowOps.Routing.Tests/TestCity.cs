using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Scale;

namespace SnowOps.Routing.Tests;

/// <summary>
/// A 9 × 9 grid district (120 m blocks, about 1 km across) from <see cref="GridCity"/>, with a depot in its middle, a salt
/// yard at its south-west corner, three plows and one spreader.
/// </summary>
public static class TestCity
{
    public const double Lon = 116.40;
    public const double Lat = 39.90;
    public static readonly string[] AllClasses = ["P1", "P2", "P3"];

    public static List<RoadSegment> Streets(int side = 9, int seed = 7) => GridCity.Generate(side, side, seed, Lon, Lat);

    public static (double Lon, double Lat) Middle => At(4, 4);

    /// <summary>Where a grid column and row lie (the crossings themselves are jittered by up to a tenth of a block).</summary>
    public static (double Lon, double Lat) At(double column, double row) =>
        (Lon + column * 120 / 111_195.0 / Math.Cos(Lat * Math.PI / 180), Lat + row * 120 / 111_195.0);

    /// <summary>A WKT rectangle (lon lat) over grid columns and rows.</summary>
    public static string Rectangle(double fromColumn, double fromRow, double toColumn, double toRow)
    {
        var corners = new[] { At(fromColumn, fromRow), At(toColumn, fromRow), At(toColumn, toRow), At(fromColumn, toRow), At(fromColumn, fromRow) };
        return "POLYGON ((" + string.Join(", ", corners.Select(c => FormattableString.Invariant($"{c.Lon} {c.Lat}"))) + "))";
    }

    public static RoutingOptions Options(int plows = 3, double shiftHours = 8, double spreaderKg = 4000, int spreaders = 1) => new()
    {
        Fleet = new FleetOptions
        {
            Bases =
            [
                new() { Name = "Depot", Kind = BaseKind.Depot, Lon = Middle.Lon, Lat = Middle.Lat },
                new() { Name = "Yard", Kind = BaseKind.SaltYard, Lon = Lon, Lat = Lat },
            ],
            Vehicles =
            [
                new() { Name = "plow", Kind = VehicleKind.Plow, Count = plows, HomeDepot = "Depot", PlowSpeedKmh = 20, TravelSpeedKmh = 35, ShiftHours = shiftHours },
                .. spreaders > 0
                    ? new VehicleTypeOptions[] { new() { Name = "spreader", Kind = VehicleKind.Spreader, Count = spreaders, HomeDepot = "Depot",
                        DeIcerCapacityKg = spreaderKg, PlowSpeedKmh = 25, TravelSpeedKmh = 35, ShiftHours = shiftHours } }
                    : [],
            ],
        },
        Planner = new PlannerOptions { TimeLimitSeconds = 0.5, ReplanSeconds = 0.5, MaxSectorTasks = 700 },
    };

    public static PlowPlan Plan(List<RoadSegment> streets, RoutingOptions options, string[]? classes = null, double celsius = -3, bool priorityAware = true)
    {
        var vehicles = FleetRoster.For(options.Fleet, 0);
        return PlowPlanner.Plan(new PlanRequest(streets, classes ?? AllClasses, vehicles, options, celsius) { PriorityAware = priorityAware });
    }
}
