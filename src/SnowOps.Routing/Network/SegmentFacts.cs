namespace SnowOps.Routing.Network;

/// <summary>What counting and connecting the network needs of a segment: everything but its line.</summary>
public sealed record SegmentFacts(
    string PriorityClass,
    double LengthMeters,
    long FromNode,
    long ToNode,
    bool OneWay,
    bool Bridge,
    bool Slope,
    bool EmergencyAccess,
    bool NeedsDeIcing)
{
    public static SegmentFacts Of(RoadSegment s) =>
        new(s.PriorityClass, s.LengthMeters, s.FromNode, s.ToNode, s.OneWay, s.Bridge, s.Slope, s.EmergencyAccess, s.NeedsDeIcing);
}
