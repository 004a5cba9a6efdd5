using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Routing.Outputs;

/// <summary>A piece of a route as a driver sees it: one street served, or the streets driven between two services.</summary>
public sealed record RouteLeg(int Order, bool Service, string Street, string PriorityClass, bool DeIcing, int Pass, int Start, int End,
    double Meters, double DeIcerKg, LineString Geometry);

/// <summary>Groups a route's steps into legs with their real street geometry, drawn in the direction driven.</summary>
public static class RouteLegs
{
    static readonly GeometryFactory Factory = new(new PrecisionModel(), Wgs84.Srid);

    public static List<RouteLeg> Of(IReadOnlyList<PlanStep> steps, IReadOnlyDictionary<long, RoadSegment> segments)
    {
        var legs = new List<RouteLeg>();
        var run = new List<PlanStep>();
        foreach (var step in steps)
        {
            if (step.Service)
            {
                Flush();
                legs.Add(Leg(legs.Count + 1, [step], segments));
            }
            else
            {
                run.Add(step);
            }
        }
        Flush();
        return legs;

        void Flush()
        {
            if (run.Count > 0)
                legs.Add(Leg(legs.Count + 1, run, segments));
            run = [];
        }
    }

    static RouteLeg Leg(int order, IReadOnlyList<PlanStep> steps, IReadOnlyDictionary<long, RoadSegment> segments)
    {
        var coordinates = new List<Coordinate>();
        foreach (var step in steps)
        {
            var line = segments.TryGetValue(step.SegmentId, out var s) ? s.Geometry.Coordinates : [];
            foreach (var c in step.Reversed ? line.Reverse() : line)
            {
                if (coordinates.Count == 0 || !coordinates[^1].Equals2D(c))
                    coordinates.Add(c.Copy());
            }
        }
        if (coordinates.Count == 1)
            coordinates.Add(coordinates[0].Copy());
        var first = steps[0];
        var names = steps.Select(s => segments.GetValueOrDefault(s.SegmentId)?.Name).OfType<string>().Distinct().ToList();
        var street = first.Service ? names.FirstOrDefault() ?? $"segment {first.SegmentId}" : names.Count == 0 ? "(unnamed streets)" : string.Join(" → ", names);
        return new RouteLeg(order, first.Service, street, first.PriorityClass, first.Service && segments.GetValueOrDefault(first.SegmentId)?.NeedsDeIcing == true,
            first.Pass, first.Start, steps[^1].End, steps.Sum(s => s.Meters), steps.Sum(s => s.DeIcerKg),
            Factory.CreateLineString(coordinates.Count == 0 ? [] : coordinates.ToArray()));
    }

    /// <summary>Compass direction from a line's start to its end (N, NE, E …).</summary>
    public static string Heading(LineString line)
    {
        if (line.NumPoints < 2)
            return "-";
        var a = line.StartPoint.Coordinate;
        var b = line.EndPoint.Coordinate;
        var east = (b.X - a.X) * Math.Cos(a.Y * Math.PI / 180);
        var north = b.Y - a.Y;
        var degrees = (Math.Atan2(east, north) * 180 / Math.PI + 360) % 360;
        string[] names = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
        return names[(int)Math.Round(degrees / 45) % 8];
    }
}
