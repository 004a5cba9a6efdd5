using SnowOps.Routing.Fleet;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Planning;

/// <summary>
/// One pass over one street that a vehicle must serve: a segment index in the graph, the pass number, its class rank
/// (0 is served first) and the vertices it runs between as given; a two-way street may be served either way.
/// <see cref="Backward"/> marks a pass that must be driven against the segment's stored direction.
/// </summary>
public sealed record WorkItem(
    int Index, int Segment, int Pass, int Rank, string PriorityClass, int From, int To, bool EitherWay, double DeIcerKg, bool Backward = false)
{
    /// <summary>
    /// The passes a street needs. A two-way street with at most one pass each way is one edge, served in either direction
    /// (one pass clears it, as in the classic CARP); a wider two-way street gets its passes in each direction of travel, so
    /// every lane is plowed the way traffic drives it; a one-way street gets its passes its way.
    /// </summary>
    public static IEnumerable<(int Pass, bool Backward, bool EitherWay)> PassesOf(RoadSegment segment)
    {
        var forward = Math.Max(1, segment.Passes);
        if (segment.OneWay)
        {
            for (var pass = 1; pass <= forward; pass++)
                yield return (pass, false, false);
            yield break;
        }
        var backward = Math.Max(1, segment.PassesBackward);
        if (forward == 1 && backward == 1)
        {
            yield return (1, false, true);
            yield break;
        }
        for (var pass = 1; pass <= forward; pass++)
            yield return (pass, false, false);
        for (var pass = 1; pass <= backward; pass++)
            yield return (forward + pass, true, false);
    }
}

/// <summary>A work item driven one way: <c>From→To</c>, or <c>To→From</c> when reversed.</summary>
public readonly record struct Service(WorkItem Item, bool Reversed)
{
    public int Start => Reversed ? Item.To : Item.From;
    public int End => Reversed ? Item.From : Item.To;

    /// <summary>Driven against the segment's stored direction (what a plan step records).</summary>
    public bool AgainstSegment => Reversed ^ Item.Backward;
}

/// <summary>Work that no route serves, and why; <see cref="Kind"/> tells plowing from de-icing of the same pass.</summary>
public sealed record UnservedWork(long SegmentId, string? Name, string PriorityClass, int Pass, string Reason, VehicleKind Kind = VehicleKind.Plow);

public static class UnservedReasons
{
    public const string Unreachable = "unreachable: the vehicles' base cannot reach it and come back";
    public const string OverShift = "does not fit in the shifts";
    public const string Blocked = "blocked";
    public const string NoPlow = "no plow in the fleet";
    public const string NoSpreader = "no spreader in the fleet to de-ice it";
    public const string OverCapacity = "needs more de-icer than a spreader carries";
}
