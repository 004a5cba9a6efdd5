namespace SnowOps.Optimizer.Search;

/// <summary>
/// Granular local search on linked routes (Vidal et al. 2012; Vidal 2022): relocate one or two tasks, swap one or two with
/// one or two, 2-opt inside a route and 2-opt* between routes, each tried only where it puts a task next to one of its
/// Γ nearest tasks; then SWAP* between related routes. Moves are priced in O(1) with every task's direction chosen best
/// (Vidal 2017): prefix and suffix costs per mode of their end task, and per-route tables of every stretch's cost.
/// A changed route gets its best modes back by dynamic programming. Moves are first-improvement.
/// </summary>
sealed partial class LocalSearch
{
    const double Epsilon = 1e-6;

    readonly TaskData data;
    readonly Random random;
    readonly int[][] neighbours;
    readonly Node[] nodes;
    readonly List<RouteState> routes = [];
    readonly int[] order;
    readonly Node[] sequenceU;
    readonly Node[] sequenceV;
    readonly StopCondition stop;
    PenaltyWeights weights;
    long moveCount;
    bool improved;
    int routesLoaded;

    // The move under study: u (and x after it) in route U, v (and y after it) in route V.
    Node nodeU = null!, nodeX = null!, nodeV = null!, nodeY = null!;
    RouteState routeU = null!, routeV = null!;

    public LocalSearch(TaskData data, int[][] neighbours, Random random, StopCondition stop)
    {
        this.data = data;
        this.neighbours = neighbours;
        this.random = random;
        this.stop = stop;
        nodes = new Node[data.Count];
        for (var t = 0; t < data.Count; t++)
            nodes[t] = new Node(t, data.Head(t, 0), data.Head(t, 1), data.Tail(t, 0), data.Tail(t, 1), data.Service[t], data.Demand[t]);
        order = Enumerable.Range(0, data.Count).ToArray();
        sequenceU = new Node[data.Count];
        sequenceV = new Node[data.Count];
        placeCost = new long[Places * data.Count];
        placeAfter = new Node?[Places * data.Count];
        withoutCost = new long[data.Count];
        relatedStamp = new int[data.Count];
        related = new int[data.Count];
        taskBuffer = new int[data.Count];
    }

    /// <summary>Improves <paramref name="individual"/> in place until no move improves its penalised cost.</summary>
    public void Run(Individual individual, in PenaltyWeights penalties)
    {
        weights = penalties;
        removalOf = null;
        Load(individual);
        random.Shuffle(order);
        foreach (var list in neighbours)
            if (random.Next(list.Length + 1) == 0)
                random.Shuffle(list);
        improved = true;
        for (var loop = 0; (improved || loop < 2) && !stop.Reached; loop++)
        {
            improved = false;
            foreach (var u in order)
            {
                if (stop.Reached)
                    break;
                TryAround(nodes[u], loop);
            }
            if (UseSwapStar && loop > 0)
                SwapStarPass(loop);
        }
        Export(individual);
    }

    void TryAround(Node u, int loop)
    {
        var lastTested = u.LastTested;
        u.LastTested = moveCount;
        foreach (var v in neighbours[u.Task])
        {
            var nodeV0 = nodes[v];
            if (loop > 0 && Math.Max(u.Route.LastModified, nodeV0.Route.LastModified) <= lastTested)
                continue;
            if (TryMoves(u, nodeV0))
                continue;
            // Also u right before v: after v's predecessor, which may be the depot.
            if (nodeV0.Prev != u && TryInsertionsAfter(u, nodeV0.Prev))
                continue;
        }
        if (loop > 0 && u.Route.Count > 1 && EmptyRoute() is { } empty)
            TryInsertionsAfter(u, empty.Start);
    }

    /// <summary>The moves that put u right after v, or in v's place.</summary>
    bool TryMoves(Node u, Node v)
    {
        Focus(u, v);
        return Relocate() || RelocatePair() || Swap() || SwapPairWithOne() || SwapPairs()
            || (routeU == routeV ? TwoOpt() : TwoOptStarReversing() || TwoOptStar());
    }

    /// <summary>The moves that put u right after <paramref name="w"/>, a task or a route's start.</summary>
    bool TryInsertionsAfter(Node u, Node w)
    {
        Focus(u, w);
        return Relocate() || RelocatePair() || (routeU != routeV && (TwoOptStarReversing() || TwoOptStar()));
    }

    void Focus(Node u, Node v)
    {
        (nodeU, nodeX, routeU) = (u, u.Next, u.Route);
        (nodeV, nodeY, routeV) = (v, v.Next, v.Route);
    }

    /// <summary>An empty route to open, creating one while there are fewer routes than tasks.</summary>
    RouteState? EmptyRoute()
    {
        for (var r = 0; r < routesLoaded; r++)
            if (routes[r].IsEmpty)
                return routes[r];
        if (routesLoaded == data.Count)
            return null;
        return Slot(routesLoaded++);
    }

    RouteState Slot(int index)
    {
        while (routes.Count <= index)
            routes.Add(new RouteState(routes.Count, data.Depot));
        var route = routes[index];
        route.Clear();
        return route;
    }

    void Load(Individual individual)
    {
        routesLoaded = individual.RouteCount;
        for (var r = 0; r < individual.RouteCount; r++)
        {
            var route = Slot(r);
            var last = route.Start;
            foreach (var t in individual.Route(r))
            {
                var node = nodes[t];
                (last.Next, node.Prev) = (node, last);
                last = node;
            }
            (last.Next, route.End.Prev) = (route.End, last);
            Update(route);
        }
        foreach (var node in nodes)
            node.LastTested = -1;
    }

    void Export(Individual individual)
    {
        int r = 0, i = 0;
        long cost = 0, excessLoad = 0, excessDuration = 0;
        for (var s = 0; s < routesLoaded; s++)
        {
            var route = routes[s];
            if (route.IsEmpty)
                continue;
            individual.RouteStarts[r++] = i;
            for (var node = route.Start.Next; !node.IsDepot; node = node.Next)
                individual.Tour[i++] = node.Task;
            cost += route.Cost;
            excessLoad += data.ExcessLoad(route.Load);
            excessDuration += data.ExcessDuration(route.Cost);
        }
        individual.RouteStarts[r] = i;
        individual.RouteCount = r;
        (individual.Cost, individual.ExcessLoad, individual.ExcessDuration) = (cost, excessLoad, excessDuration);
        individual.Evaluate(weights);
        individual.Link();
    }

    double Value(long load, long cost) => cost + data.Penalty(load, cost, weights);

    /// <summary>Records an applied move and refreshes the routes it changed.</summary>
    void Applied(RouteState first, RouteState second, double predicted)
    {
        var before = first.Value + (second != first ? second.Value : 0);
        var exact = first.Count <= StretchTable.MaxTasks && second.Count <= StretchTable.MaxTasks;
        moveCount++;
        improved = true;
        Update(first);
        if (second != first)
            Update(second);
        if (Verify)
            Check(first, second, first.Value + (second != first ? second.Value : 0) - before, predicted, exact);
    }

    public bool UseSwapStar { get; init; } = true;

    /// <summary>Set by tests: re-prices every applied move from scratch, to catch a wrong O(1) formula.</summary>
    public bool Verify { get; init; }

    void Check(RouteState first, RouteState second, double actual, double predicted, bool exact)
    {
        foreach (var route in new[] { first, second })
        {
            var tasks = new List<int>();
            for (var node = route.Start.Next; !node.IsDepot; node = node.Next)
                tasks.Add(node.Task);
            var cost = RouteModes.Cost(data, tasks.ToArray());
            if (cost != route.Cost)
                throw new InvalidOperationException($"Route {route.Index} costs {cost}, its data says {route.Cost}.");
        }
        // Stretches of long routes keep their modes, which makes the prediction an upper bound there.
        if (actual > predicted + 1e-6 || (exact && actual < predicted - 1e-6))
            throw new InvalidOperationException($"A move predicted {predicted} and changed the routes by {actual}.");
    }
}
