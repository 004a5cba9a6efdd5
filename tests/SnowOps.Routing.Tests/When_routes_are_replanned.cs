using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Planning.Replan;

namespace SnowOps.Routing.Tests;

/// <summary>
/// Replanner: plow-2 breaks down after the first plan; plow-1 has finished its first five streets; a street on plow-3's
/// route is blocked. The remaining work is planned again from where the trucks are.
/// </summary>
public sealed class When_routes_are_replanned
{
    readonly List<RoadSegment> _streets = TestCity.Streets();
    readonly RoutingOptions _options = TestCity.Options(spreaders: 0);
    readonly PlowPlan _first;

    public When_routes_are_replanned() => _first = TestCity.Plan(_streets, _options);

    Dictionary<long, RoadSegment> ById => _streets.ToDictionary(s => s.Id);

    VehicleRoute Route(PlowPlan plan, string vehicle) => Assert.Single(plan.Routes, r => r.Vehicle.Id == vehicle);

    List<long> FinishedByPlow1 => Route(_first, "plow-1").Services.Select(s => s.SegmentId).Distinct().Take(5).ToList();

    long BlockedOnPlow3 => Route(_first, "plow-3").Services.Select(s => s.SegmentId).Except(FinishedByPlow1).Skip(3).First();

    PlowPlan Replan(IEnumerable<string> broken, IEnumerable<long> blocked, IEnumerable<long> finished, IReadOnlyList<VehiclePosition> positions) =>
        Replanner.Replan(new ReplanRequest(_streets, TestCity.AllClasses, FleetRoster.For(_options.Fleet, 0), _options,
            _first.Routes.ToDictionary(r => r.Vehicle.Id, r => r.Steps.ToList()), broken.ToHashSet(), blocked.ToHashSet(), finished.ToHashSet(),
            positions, _first));

    VehiclePosition At(string vehicle, long segmentId)
    {
        var end = ById[segmentId].Geometry.Coordinates[^1];
        return new VehiclePosition(vehicle, end.X, end.Y);
    }

    PlowPlan Breakdown() => Replan(["plow-2"], [], FinishedByPlow1, [At("plow-1", FinishedByPlow1[^1])]);

    [Fact]
    public void Should_keep_finished_streets_finished_and_out_of_every_route()
    {
        var plan = Breakdown();

        Assert.DoesNotContain(plan.Routes.SelectMany(r => r.Services), s => FinishedByPlow1.Contains(s.SegmentId));
        Assert.DoesNotContain(plan.Unserved, u => FinishedByPlow1.Contains(u.SegmentId));
    }

    [Fact]
    public void Should_move_the_broken_truck_s_remaining_streets_to_the_other_trucks()
    {
        var plan = Breakdown();

        Assert.DoesNotContain(plan.Routes, r => r.Vehicle.Id == "plow-2");
        var served = PlanChecks.Served(plan.Routes);
        // A finished street is finished in all its passes, even one that was on plow-2's route.
        var plow2 = Route(_first, "plow-2").Services.Where(s => !FinishedByPlow1.Contains(s.SegmentId)).Select(s => (s.SegmentId, s.Pass)).ToList();
        Assert.NotEmpty(plow2);
        Assert.All(plow2, work => Assert.Equal(1, served.GetValueOrDefault(work)));
        // Everything not finished is served once, by plow-1 or plow-3.
        var remaining = _streets.Where(s => !FinishedByPlow1.Contains(s.Id)).SelectMany(s => PlanChecks.Passes(s).Select(p => (s.Id, p))).Order().ToList();
        Assert.Equal(remaining, served.Keys.Order().ToList());
        Assert.All(served.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Should_start_each_route_where_its_truck_is_and_keep_class_order_and_the_shift()
    {
        var plan = Breakdown();

        var plow1 = Route(plan, "plow-1");
        var reported = ById[FinishedByPlow1[^1]].Geometry.Coordinates[^1];
        Assert.True(PlanChecks.FirstPoint(plow1, ById).Equals2D(reported, 1e-9));
        foreach (var route in plan.Routes)
        {
            PlanChecks.AssertDrivable(route, ById);
            var classes = route.Services.Select(s => s.PriorityClass).ToList();
            Assert.Equal(classes.Order(StringComparer.Ordinal), classes);
            Assert.InRange(route.Seconds, 0, 8 * 3600);
        }
    }

    [Fact]
    public void Should_neither_serve_nor_drive_a_blocked_street_and_report_it_blocked()
    {
        var blocked = BlockedOnPlow3;

        var plan = Replan([], [blocked], [], []);

        Assert.DoesNotContain(plan.Routes.SelectMany(r => r.Steps), s => s.SegmentId == blocked);
        Assert.Contains(plan.Unserved, u => u.SegmentId == blocked && u.Reason == UnservedReasons.Blocked);
        Assert.Equal(_streets.Sum(s => PlanChecks.Passes(s).Count()) - PlanChecks.Passes(ById[blocked]).Count(), plan.Routes.Sum(r => r.Services.Count()));
    }

    [Fact]
    public void Should_report_the_broken_truck_s_work_that_fits_in_no_other_shift()
    {
        var plan = Replan(["plow-2"], [], [], [new VehiclePosition("plow-1", TestCity.Lon, TestCity.Lat, ShiftHoursLeft: 0.2),
            new VehiclePosition("plow-3", TestCity.Lon, TestCity.Lat, ShiftHoursLeft: 0.2)]);

        Assert.Contains(plan.Unserved, u => u.Reason == UnservedReasons.OverShift);
        Assert.All(plan.Routes, r => Assert.DoesNotContain(r.Services, s => plan.Unserved.Any(u => u.SegmentId == s.SegmentId && u.Pass == s.Pass && u.Kind == r.Vehicle.Kind)));
    }
}
