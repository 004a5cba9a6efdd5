namespace SnowOps.Routing.Planning;

/// <summary>
/// One pass over one street that a vehicle must serve: a segment index in the graph, the pass number, its class rank
/// (0 is served first) and the vertices it runs between as given; a two-way street may be served either way.
/// </summary>
public sealed record WorkItem(int Index, int Segment, int Pass, int Rank, string PriorityClass, int From, int To, bool EitherWay, double DeIcerKg);

/// <summary>A work item driven one way: <c>From→To</c>, or <c>To→From</c> when reversed.</summary>
public readonly record struct Service(WorkItem Item, bool Reversed)
{
    public int Start => Reversed ? Item.To : Item.From;
    public int End => Reversed ? Item.From : Item.To;
}

/// <summary>Work that no route serves, and why.</summary>
public sealed record UnservedWork(long SegmentId, string? Name, string PriorityClass, int Pass, string Reason);

public static class UnservedReasons
{
    public const string Unreachable = "unreachable: the vehicles' base cannot reach it and come back";
    public const string OverShift = "does not fit in the shifts";
    public const string Blocked = "blocked";
    public const string NoPlow = "no plow in the fleet";
    public const string NoSpreader = "no spreader in the fleet to de-ice it";
    public const string OverCapacity = "needs more de-icer than a spreader carries";
}
