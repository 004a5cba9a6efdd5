using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;

namespace SnowOps.Routing.Tests;

/// <summary>PlowPlanner over a grid district: coverage, one-way streets, class order, shifts, unreachable streets.</summary>
public sealed class When_plow_routes_are_planned
{
    readonly List<RoadSegment> _streets = TestCity.Streets();
    Dictionary<long, RoadSegment> ById => _streets.ToDictionary(s => s.Id);

    [Fact]
    public void Should_serve_every_pass_of_every_requested_street_exactly_once()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        var served = PlanChecks.Served(plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Plow));
        var required = _streets.SelectMany(s => PlanChecks.Passes(s).Select(p => (s.Id, p))).ToList();
        Assert.Empty(plan.Unserved);
        Assert.Equal(required.Order().ToList(), served.Keys.Order().ToList());
        Assert.All(served, pair => Assert.Equal(1, pair.Value));
        Assert.Contains(_streets, s => s.Passes == 2);
    }

    [Fact]
    public void Should_plow_each_lane_of_a_wide_two_way_street_the_way_its_traffic_drives()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        var wide = _streets.Where(s => !s.OneWay && (s.Passes > 1 || s.PassesBackward > 1)).ToDictionary(s => s.Id);
        var passes = plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Plow).SelectMany(r => r.Steps)
            .Where(s => s.Service && wide.ContainsKey(s.SegmentId)).ToList();
        Assert.NotEmpty(wide);
        Assert.All(passes, s => Assert.Equal(s.Pass > wide[s.SegmentId].Passes, s.Reversed));
    }

    [Fact]
    public void Should_de_ice_every_bridge_and_slope_once_with_the_spreader()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        var spread = PlanChecks.Served(plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Spreader));
        var bridges = _streets.Where(s => s.NeedsDeIcing).SelectMany(s => PlanChecks.Passes(s).Select(p => (s.Id, p))).Order().ToList();
        Assert.NotEmpty(bridges);
        Assert.Equal(bridges, spread.Keys.Order().ToList());
    }

    [Fact]
    public void Should_serve_only_the_classes_asked_for()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options(), ["P1"]);

        var served = plan.Routes.SelectMany(r => r.Services).Select(s => ById[s.SegmentId].PriorityClass).Distinct().ToList();
        Assert.Equal(["P1"], served);
    }

    [Fact]
    public void Should_drive_one_way_streets_only_their_way_whether_serving_or_deadheading()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        var oneWay = plan.Routes.SelectMany(r => r.Steps).Where(s => ById[s.SegmentId].OneWay).ToList();
        Assert.NotEmpty(oneWay);
        Assert.All(oneWay, s => Assert.False(s.Reversed, $"One-way segment {s.SegmentId} driven against its direction."));
    }

    [Fact]
    public void Should_drive_each_route_as_one_connected_drive_from_the_depot_and_back()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        var depot = new NetTopologySuite.Geometries.Coordinate(TestCity.Middle.Lon, TestCity.Middle.Lat);
        foreach (var route in plan.Routes)
        {
            PlanChecks.AssertDrivable(route, ById);
            // The depot snaps to the nearest crossing: within half a block of the configured point.
            Assert.InRange(Geodesy.Distance(PlanChecks.FirstPoint(route, ById), depot), 0, 60);
            Assert.True(PlanChecks.FirstPoint(route, ById).Equals2D(PlanChecks.LastPoint(route, ById)));
        }
    }

    [Fact]
    public void Should_serve_no_P2_or_P3_street_before_the_vehicle_s_P1_streets()
    {
        var plan = TestCity.Plan(_streets, TestCity.Options());

        Assert.All(plan.Routes, route =>
        {
            var classes = route.Services.Select(s => s.PriorityClass).ToList();
            Assert.Equal(classes.Order(StringComparer.Ordinal), classes);
        });
    }

    [Fact]
    public void Should_finish_P1_no_later_than_a_plan_for_total_cost_alone()
    {
        var options = TestCity.Options(spreaders: 0);

        var aware = TestCity.Plan(_streets, options);
        var costOnly = TestCity.Plan(_streets, options, priorityAware: false);

        Assert.All(aware.Unserved.Concat(costOnly.Unserved), u => Assert.Equal(UnservedReasons.NoSpreader, u.Reason));
        Assert.True(aware.FinishOf("P1") <= costOnly.FinishOf("P1"),
            $"P1 finished at {aware.FinishOf("P1")} s with priorities, {costOnly.FinishOf("P1")} s for cost alone.");
        Assert.True(aware.FinishOf("P1") < aware.FinishOf("P3"));
    }

    [Fact]
    public void Should_keep_every_route_within_the_shift_and_report_what_does_not_fit()
    {
        var options = TestCity.Options(plows: 2, shiftHours: 0.3);

        var plan = TestCity.Plan(_streets, options);

        Assert.All(plan.Routes, r => Assert.InRange(r.Seconds, 1, 0.3 * 3600));
        Assert.Contains(plan.Unserved, u => u.Reason == UnservedReasons.OverShift);
        var served = PlanChecks.Served(plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Plow));
        var left = plan.Unserved.Where(u => u.Reason == UnservedReasons.OverShift && u.Kind == VehicleKind.Plow).Select(u => (u.SegmentId, u.Pass)).ToHashSet();
        Assert.DoesNotContain(served.Keys, left.Contains);
        // P1 goes first, so a smaller share of its passes is left out than of the later classes'.
        double Share(string priority) => (double)plan.Unserved.Count(u => u.PriorityClass == priority)
            / _streets.Where(s => s.PriorityClass == priority).Sum(s => PlanChecks.Passes(s).Count());
        Assert.True(Share("P1") < Share("P3"), $"P1 {Share("P1"):P0} left out, P3 {Share("P3"):P0}");
    }

    [Fact]
    public void Should_report_streets_the_depot_cannot_reach_and_plan_the_rest()
    {
        var island = TestCity.Streets(side: 3, seed: 2).Select(s =>
        {
            s.Id += 10_000;
            s.FromNode += 10_000;
            s.ToNode += 10_000;
            s.Geometry = new NetTopologySuite.Geometries.GeometryFactory().CreateLineString(
                s.Geometry.Coordinates.Select(c => new NetTopologySuite.Geometries.Coordinate(c.X + 0.05, c.Y)).ToArray());
            return s;
        }).ToList();

        var plan = TestCity.Plan([.. _streets, .. island], TestCity.Options());

        var unreachable = plan.Unserved.Where(u => u.Reason == UnservedReasons.Unreachable).Select(u => u.SegmentId).Distinct().Order().ToList();
        Assert.Equal(island.Select(s => s.Id).Order().ToList(), unreachable);
        Assert.Equal(_streets.Sum(s => PlanChecks.Passes(s).Count()), plan.Routes.Where(r => r.Vehicle.Kind == VehicleKind.Plow).Sum(r => r.Services.Count()));
    }

    [Fact]
    public void Should_plan_with_default_plows_at_the_network_s_middle_when_the_city_configured_no_fleet()
    {
        var vehicles = FleetRoster.For(new FleetOptions(), 2);

        var plan = PlowPlanner.Plan(new PlanRequest(_streets, ["P1"], vehicles, new RoutingOptions(), -3));

        Assert.Equal(["plow-1", "plow-2"], plan.Routes.Select(r => r.Vehicle.Id).ToList());
        Assert.All(plan.Unserved, u => Assert.Equal(UnservedReasons.NoSpreader, u.Reason));
        Assert.Equal(_streets.Where(s => s.PriorityClass == "P1").Sum(s => PlanChecks.Passes(s).Count()), plan.Routes.Sum(r => r.Services.Count()));
    }

    [Fact]
    public void Should_give_the_same_plan_for_the_same_input_when_the_search_is_bounded_by_generations()
    {
        var options = TestCity.Options();
        options.Planner.TimeLimitSeconds = 60;
        options.Planner.MaxIterations = 30;

        var first = TestCity.Plan(TestCity.Streets(side: 5), options);
        var again = TestCity.Plan(TestCity.Streets(side: 5), options);

        Assert.Equal(first.Routes.Select(r => r.Steps.Count), again.Routes.Select(r => r.Steps.Count));
        Assert.Equal(first.TotalSeconds, again.TotalSeconds);
    }
}
