using System.Globalization;
using NetTopologySuite.Geometries;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Planning;

/// <summary>
/// Splits the streets to plow among the vehicles so each carries about the same length, higher priority
/// classes first (longest street to the least-loaded vehicle). A first plan that keeps every street covered
/// exactly once; the arc-routing optimizer replaces it.
/// </summary>
public static class BalancedPartition
{
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static List<RouteRecord> Plan(Guid snowEventId, IReadOnlyList<RoadSegment> segments, IReadOnlyList<string> priorityOrder, int vehicles)
    {
        var loads = Enumerable.Range(0, Math.Max(1, vehicles)).Select(_ => new List<RoadSegment>()).ToList();
        var lengths = new double[loads.Count];
        foreach (var priority in priorityOrder)
        {
            foreach (var segment in segments.Where(s => s.PriorityClass == priority).OrderByDescending(s => s.LengthMeters).ThenBy(s => s.Id))
            {
                var lightest = Array.IndexOf(lengths, lengths.Min());
                loads[lightest].Add(segment);
                lengths[lightest] += segment.LengthMeters;
            }
        }

        return loads
            .Select((load, vehicle) => (load, vehicle))
            .Where(x => x.load.Count > 0)
            .Select(x => new RouteRecord
            {
                Id = RouteId(snowEventId, x.vehicle),
                SnowEventId = snowEventId,
                Vehicle = x.vehicle + 1,
                Name = $"route {x.vehicle + 1}",
                PriorityClass = priorityOrder.First(p => x.load.Any(s => s.PriorityClass == p)),
                LengthMeters = Math.Round(x.load.Sum(s => s.LengthMeters), 1),
                Geometry = Factory.CreateMultiLineString(x.load.Select(s => (LineString)s.Geometry).ToArray()),
                Streets = x.load.Select(s => s.Name).OfType<string>().Distinct().ToList(),
            })
            .ToList();
    }

    static Guid RouteId(Guid snowEventId, int vehicle) => StableId.From("route", snowEventId.ToString(), vehicle.ToString(CultureInfo.InvariantCulture));
}
