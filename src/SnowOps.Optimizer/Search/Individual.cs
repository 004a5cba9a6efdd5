namespace SnowOps.Optimizer.Search;

/// <summary>
/// One solution of the population: a giant tour of tasks cut into routes. Task modes are not stored, since every route
/// is always evaluated with its best modes (see <see cref="RouteModes"/>).
/// </summary>
sealed class Individual
{
    public const int Depot = -1;

    public Individual(int taskCount)
    {
        Tour = new int[taskCount];
        RouteStarts = new int[taskCount + 1];
        Successor = new int[taskCount];
        Predecessor = new int[taskCount];
    }

    /// <summary>All tasks, route after route.</summary>
    public int[] Tour { get; }

    /// <summary>Route <c>r</c> is <c>Tour[RouteStarts[r]..RouteStarts[r + 1]]</c>.</summary>
    public int[] RouteStarts { get; }

    public int RouteCount { get; set; }

    public long Cost { get; set; }

    public long ExcessLoad { get; set; }

    public long ExcessDuration { get; set; }

    public double Penalized { get; private set; }

    public bool Feasible => ExcessLoad == 0 && ExcessDuration == 0;

    /// <summary>The next task in the same route, or <see cref="Depot"/>; used by the broken-pairs distance.</summary>
    public int[] Successor { get; }

    public int[] Predecessor { get; }

    /// <summary>Biased fitness in its subpopulation: cost rank plus diversity rank (lower is better).</summary>
    public double Fitness { get; set; }

    /// <summary>Other members of the subpopulation by increasing broken-pairs distance.</summary>
    public List<(double Distance, Individual Other)> Near { get; } = [];

    public ReadOnlySpan<int> Route(int r) => Tour.AsSpan(RouteStarts[r], RouteStarts[r + 1] - RouteStarts[r]);

    public void Evaluate(in PenaltyWeights weights) =>
        Penalized = Cost + weights.Load * ExcessLoad + weights.Duration * ExcessDuration;

    /// <summary>Recomputes cost, excesses and adjacency from the tour and its routes.</summary>
    public void Measure(TaskData data, in PenaltyWeights weights)
    {
        long cost = 0, excessLoad = 0, excessDuration = 0;
        for (var r = 0; r < RouteCount; r++)
        {
            var route = Route(r);
            var routeCost = RouteModes.Cost(data, route);
            long load = 0;
            foreach (var task in route)
                load += data.Demand[task];
            cost += routeCost;
            excessLoad += data.ExcessLoad(load);
            excessDuration += data.ExcessDuration(routeCost);
        }
        (Cost, ExcessLoad, ExcessDuration) = (cost, excessLoad, excessDuration);
        Evaluate(weights);
        Link();
    }

    /// <summary>Fills <see cref="Successor"/> and <see cref="Predecessor"/> from the routes.</summary>
    public void Link()
    {
        for (var r = 0; r < RouteCount; r++)
        {
            var previous = Depot;
            for (var i = RouteStarts[r]; i < RouteStarts[r + 1]; i++)
            {
                Predecessor[Tour[i]] = previous;
                if (previous != Depot)
                    Successor[previous] = Tour[i];
                previous = Tour[i];
            }
            Successor[previous] = Depot;
        }
    }

    public void CopyFrom(Individual other)
    {
        other.Tour.CopyTo(Tour, 0);
        Array.Copy(other.RouteStarts, RouteStarts, other.RouteCount + 1);
        other.Successor.CopyTo(Successor, 0);
        other.Predecessor.CopyTo(Predecessor, 0);
        RouteCount = other.RouteCount;
        (Cost, ExcessLoad, ExcessDuration, Penalized) = (other.Cost, other.ExcessLoad, other.ExcessDuration, other.Penalized);
        Fitness = other.Fitness;
        Near.Clear();
    }

    /// <summary>
    /// Broken-pairs distance (share of tasks whose neighbours differ), blind to the direction a route is read in;
    /// a task that starts a route in one and not the other also counts.
    /// </summary>
    public static double Distance(Individual a, Individual b)
    {
        var differences = 0;
        var n = a.Tour.Length;
        for (var t = 0; t < n; t++)
        {
            if (a.Successor[t] != b.Successor[t] && a.Successor[t] != b.Predecessor[t])
                differences++;
            if (a.Predecessor[t] == Depot && b.Predecessor[t] != Depot && b.Successor[t] != Depot)
                differences++;
        }
        return (double)differences / n;
    }

    public double MeanDistanceToClosest(int count)
    {
        var taken = Math.Min(count, Near.Count);
        if (taken == 0)
            return 0;
        var sum = 0.0;
        for (var i = 0; i < taken; i++)
            sum += Near[i].Distance;
        return sum / taken;
    }
}
