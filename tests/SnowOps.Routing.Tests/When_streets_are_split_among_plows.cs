using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;

namespace SnowOps.Routing.Tests;

/// <summary>
/// BalancedPartition: the streets of the requested classes shared among the vehicles, each street on exactly
/// one route, the higher class first, route lengths about even.
/// </summary>
public sealed class When_streets_are_split_among_plows
{
    static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    static readonly Guid SnowEvent = Guid.Parse("6f1c2b1e-8a43-4c0e-9d55-2a7f3e0b9c41");
    static readonly string[] P1ThenP2 = ["P1", "P2"];

    /// <summary>A street running north from its own starting point, <paramref name="metres"/> long.</summary>
    static RoadSegment Street(long id, string priority, double metres) => new()
    {
        Id = id,
        Name = $"{priority} street {id}",
        Highway = priority switch { "P1" => "primary", "P2" => "secondary", _ => "residential" },
        PriorityClass = priority,
        LengthMeters = metres,
        Geometry = Wgs84.CreateLineString([new Coordinate(116.40 + id * 0.001, 39.90), new Coordinate(116.40 + id * 0.001, 39.90 + metres / 111_195.0)]),
    };

    /// <summary>
    /// Eight arterials, five collectors and two lanes (a district's worth of lengths, not a real grid):
    /// 3 520 m of P1, 2 200 m of P2, 1 000 m of P3.
    /// </summary>
    static readonly RoadSegment[] District =
    [
        Street(1, "P1", 900), Street(2, "P1", 700), Street(3, "P1", 650), Street(4, "P1", 400),
        Street(5, "P1", 300), Street(6, "P1", 250), Street(7, "P1", 200), Street(8, "P1", 120),
        Street(9, "P2", 800), Street(10, "P2", 500), Street(11, "P2", 450), Street(12, "P2", 300), Street(13, "P2", 150),
        Street(14, "P3", 600), Street(15, "P3", 400),
    ];

    /// <summary>The streets a route serves, in the order it serves them, found back from its geometry.</summary>
    static List<RoadSegment> Served(RouteRecord route, IEnumerable<RoadSegment> network) =>
        ((MultiLineString)route.Geometry).Geometries
            .Select(line => Assert.Single(network, s => s.Geometry.EqualsExact(line)))
            .ToList();

    [Fact]
    public void Should_put_every_street_of_the_requested_classes_on_exactly_one_route()
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);

        var served = routes.SelectMany(r => Served(r, District)).Select(s => s.Id).Order().ToList();
        Assert.Equal(District.Where(s => s.PriorityClass is "P1" or "P2").Select(s => s.Id).Order().ToList(), served);
    }

    [Fact]
    public void Should_give_no_route_a_class_that_was_not_requested()
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);

        Assert.All(routes, r => Assert.DoesNotContain(Served(r, District), s => s.PriorityClass == "P3"));
        Assert.All(routes, r => Assert.Contains(r.PriorityClass, P1ThenP2));
        Assert.Equal(3520 + 2200, routes.Sum(r => r.LengthMeters), precision: 0);
    }

    [Fact]
    public void Should_plan_nothing_when_no_street_is_of_a_requested_class()
    {
        Assert.Empty(BalancedPartition.Plan(SnowEvent, District, ["P4"], vehicles: 3));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_keep_the_route_lengths_of_the_vehicles_about_even(int vehicles)
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles);

        Assert.Equal(vehicles, routes.Count);
        var longest = routes.Max(r => r.LengthMeters);
        var shortest = routes.Min(r => r.LengthMeters);
        // Each street goes to the least-loaded vehicle, so no two routes differ by more than the longest street (900 m);
        // for this district that keeps the longest route within 25% of the shortest (it is 3%, 7% and 20% over for 2, 3, 4 vehicles).
        Assert.InRange(longest - shortest, 0, 900);
        Assert.InRange(longest / shortest, 1.0, 1.25);
    }

    [Fact]
    public void Should_start_every_vehicle_on_P1_before_any_P2()
    {
        // Two short arterials and one long collector, two vehicles: each takes an arterial first,
        // and the collector only then goes to whoever is lighter.
        RoadSegment[] streets = [Street(1, "P2", 1000), Street(2, "P1", 100), Street(3, "P1", 100)];

        var routes = BalancedPartition.Plan(SnowEvent, streets, P1ThenP2, vehicles: 2);

        Assert.Equal(2, routes.Count);
        Assert.All(routes, r => Assert.Equal("P1", Served(r, streets)[0].PriorityClass));
        Assert.All(routes, r => Assert.Equal("P1", r.PriorityClass));
    }

    [Fact]
    public void Should_serve_all_of_a_route_s_P1_streets_before_its_P2_streets()
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);

        Assert.All(routes, r =>
        {
            var classes = Served(r, District).Select(s => s.PriorityClass).ToList();
            Assert.Equal(classes.Order(StringComparer.Ordinal).ToList(), classes);
            Assert.Equal(classes[0], r.PriorityClass);
        });
    }

    [Fact]
    public void Should_name_the_streets_in_the_order_the_route_serves_them()
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);

        Assert.All(routes, r => Assert.Equal(Served(r, District).Select(s => s.Name!).ToList(), r.Streets));
    }

    [Fact]
    public void Should_give_the_same_routes_with_the_same_ids_for_the_same_input()
    {
        var first = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);
        var again = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 3);
        var shuffled = BalancedPartition.Plan(SnowEvent, District.Reverse().ToList(), P1ThenP2, vehicles: 3);

        static List<string> Describe(List<RouteRecord> routes) =>
            routes.Select(r => $"{r.Id} {r.Vehicle} {r.PriorityClass} {r.LengthMeters} {string.Join('|', r.Streets)}").ToList();
        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal(Describe(first), Describe(shuffled));
    }

    [Fact]
    public void Should_give_each_route_its_own_id_and_vehicle_and_the_snow_event_its_own_ids()
    {
        var routes = BalancedPartition.Plan(SnowEvent, District, P1ThenP2, vehicles: 4);
        var otherEvent = BalancedPartition.Plan(Guid.NewGuid(), District, P1ThenP2, vehicles: 4);

        Assert.Equal(4, routes.Select(r => r.Id).Distinct().Count());
        Assert.Equal([1, 2, 3, 4], routes.Select(r => r.Vehicle).Order().ToArray());
        Assert.All(routes, r => Assert.Equal(SnowEvent, r.SnowEventId));
        Assert.Empty(routes.Select(r => r.Id).Intersect(otherEvent.Select(r => r.Id)));
    }

    [Fact]
    public void Should_send_out_no_empty_routes_when_there_are_more_vehicles_than_streets()
    {
        RoadSegment[] streets = [Street(1, "P1", 500), Street(2, "P1", 300)];

        var routes = BalancedPartition.Plan(SnowEvent, streets, P1ThenP2, vehicles: 5);

        Assert.Equal(2, routes.Count);
        Assert.All(routes, r => Assert.Single(Served(r, streets)));
    }
}
