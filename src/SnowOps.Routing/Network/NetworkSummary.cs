namespace SnowOps.Routing.Network;

/// <summary>What a road network holds, as a dispatcher and a committee count it.</summary>
public sealed record NetworkSummary(
    int Segments,
    double LengthKm,
    SortedDictionary<string, int> SegmentsByPriority,
    SortedDictionary<string, double> KmByPriority,
    int Nodes,
    int Intersections,
    int DeadEnds,
    int OneWaySegments,
    int Bridges,
    int Slopes,
    int EmergencyAccess,
    int DeIcingSegments,
    double DeIcingKm,
    int Components,
    int StrongComponents,
    int LargestStrongComponentSegments)
{
    public static NetworkSummary Of(IReadOnlyList<RoadSegment> segments) => Of(segments.Select(SegmentFacts.Of).ToList());

    public static NetworkSummary Of(IReadOnlyList<SegmentFacts> segments)
    {
        var graph = new NetworkGraph(segments);
        var (strong, largest) = graph.StrongComponents();
        return new NetworkSummary(
            segments.Count,
            Km(segments),
            new(segments.GroupBy(s => s.PriorityClass).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            new(segments.GroupBy(s => s.PriorityClass).ToDictionary(g => g.Key, Km), StringComparer.Ordinal),
            graph.Nodes,
            graph.Intersections,
            graph.DeadEnds,
            segments.Count(s => s.OneWay),
            segments.Count(s => s.Bridge),
            segments.Count(s => s.Slope),
            segments.Count(s => s.EmergencyAccess),
            segments.Count(s => s.NeedsDeIcing),
            Km(segments.Where(s => s.NeedsDeIcing)),
            graph.WeakComponents(),
            strong,
            largest);
    }

    static double Km(IEnumerable<SegmentFacts> segments) => Math.Round(segments.Sum(s => s.LengthMeters) / 1000, 2);
}
