namespace SnowOps.Optimizer.Search;

/// <summary>
/// A task (or a route's depot) in the local search's linked routes, with the route data that prices a move in O(1).
/// The four cost pairs are best costs over all modes of the other tasks, one per mode of this task.
/// </summary>
sealed class Node(int task, int head0, int head1, int tail0, int tail1, long service, long demand)
{
    public int Task { get; } = task;
    public bool IsDepot => Task < 0;
    public int Head0 { get; } = head0;
    public int Head1 { get; } = head1;
    public int Tail0 { get; } = tail0;
    public int Tail1 { get; } = tail1;
    public long Service { get; } = service;
    public long Demand { get; } = demand;

    public Node Prev { get; set; } = null!;
    public Node Next { get; set; } = null!;
    public RouteState Route { get; set; } = null!;
    public int Position { get; set; }

    /// <summary>The mode the route's best mode choice gives this task.</summary>
    public int Mode { get; set; }

    /// <summary>Depot to the end of this task, tasks in route order (the prefix).</summary>
    public long Fwd0, Fwd1;

    /// <summary>Start of this task to the depot, tasks in route order (the suffix).</summary>
    public long Bwd0, Bwd1;

    /// <summary>Start of this task to the depot through the tasks before it, in reverse order (the prefix reversed).</summary>
    public long RevP0, RevP1;

    /// <summary>Depot to the end of this task through the tasks after it, in reverse order (the suffix reversed).</summary>
    public long RevS0, RevS1;

    /// <summary>Which mode of the previous task the cheapest prefix ending in mode 0 or 1 comes through.</summary>
    public int Came0, Came1;

    /// <summary>Load up to and including this task.</summary>
    public long CumLoad;

    /// <summary>Cost from the depot to the end of this task with the current modes.</summary>
    public long CumCost;

    /// <summary>Service cost up to and including this task.</summary>
    public long CumService;

    /// <summary>Deadheading between the tasks up to this one when they are driven backwards, each in its other mode.</summary>
    public long CumReverse;

    /// <summary>The local search's move count when moves around this task were last tried.</summary>
    public long LastTested;

    public int HeadNow => Mode == 0 ? Head0 : Head1;
    public int TailNow => Mode == 0 ? Tail0 : Tail1;
    public int HeadFlipped => Mode == 0 ? Head1 : Head0;
    public int TailFlipped => Mode == 0 ? Tail1 : Tail0;

    public static Node ForDepot(int depot) => new(-1, depot, depot, depot, depot, 0, 0);
}

/// <summary>One route of the local search, between its two depot nodes.</summary>
sealed class RouteState
{
    public RouteState(int index, int depot)
    {
        Index = index;
        Start = Node.ForDepot(depot);
        End = Node.ForDepot(depot);
        Start.Route = this;
        End.Route = this;
        Clear();
    }

    public int Index { get; }
    public StretchTable Stretches { get; } = new();
    public Node Start { get; }
    public Node End { get; }
    public int Count { get; set; }
    public long Load { get; set; }
    public long Cost { get; set; }
    public double Penalty { get; set; }
    public double Value => Cost + Penalty;
    public long LastModified { get; set; } = -1;
    public long LastTestedSwapStar { get; set; } = -1;
    public bool IsEmpty => Count == 0;

    public void Clear()
    {
        Start.Next = End;
        End.Prev = Start;
        Count = 0;
        Load = 0;
        Cost = 0;
        Penalty = 0;
    }
}
