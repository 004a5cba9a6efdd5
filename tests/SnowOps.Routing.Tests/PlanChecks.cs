using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;

namespace SnowOps.Routing.Tests;

/// <summary>Checks on a plan that read only its steps and the streets, sharing no code with the planner.</summary>
public static class PlanChecks
{
    /// <summary>Each step's start point: the street's first point, or its last when driven against its direction.</summary>
    static Coordinate Start(PlanStep step, IReadOnlyDictionary<long, RoadSegment> streets)
    {
        var line = streets[step.SegmentId].Geometry.Coordinates;
        return step.Reversed ? line[^1] : line[0];
    }

    static Coordinate End(PlanStep step, IReadOnlyDictionary<long, RoadSegment> streets)
    {
        var line = streets[step.SegmentId].Geometry.Coordinates;
        return step.Reversed ? line[0] : line[^1];
    }

    /// <summary>The route is one drive: every street starts where the one before ended, and time runs on without gaps.</summary>
    public static void AssertDrivable(VehicleRoute route, IReadOnlyDictionary<long, RoadSegment> streets)
    {
        for (var i = 1; i < route.Steps.Count; i++)
        {
            Assert.True(End(route.Steps[i - 1], streets).Equals2D(Start(route.Steps[i], streets), 1e-9),
                $"{route.Vehicle.Id}: step {i} starts away from where step {i - 1} ended.");
            Assert.Equal(route.Steps[i - 1].End, route.Steps[i].Start);
        }
    }

    public static Coordinate FirstPoint(VehicleRoute route, IReadOnlyDictionary<long, RoadSegment> streets) => Start(route.Steps[0], streets);

    public static Coordinate LastPoint(VehicleRoute route, IReadOnlyDictionary<long, RoadSegment> streets) => End(route.Steps[^1], streets);

    /// <summary>How many times each (segment, pass) is served over all routes.</summary>
    public static Dictionary<(long, int), int> Served(IEnumerable<VehicleRoute> routes) =>
        routes.SelectMany(r => r.Services).GroupBy(s => (s.SegmentId, s.Pass)).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The pass numbers a street needs, stated from the rule rather than the planner: a two-way street with one pass each
    /// way is a single edge; wider ones get their forward passes, then their backward ones; a one-way street its passes.
    /// </summary>
    public static IEnumerable<int> Passes(RoadSegment s) =>
        s.OneWay ? Enumerable.Range(1, Math.Max(1, s.Passes))
        : s.Passes <= 1 && s.PassesBackward <= 1 ? [1]
        : Enumerable.Range(1, Math.Max(1, s.Passes) + Math.Max(1, s.PassesBackward));
}
