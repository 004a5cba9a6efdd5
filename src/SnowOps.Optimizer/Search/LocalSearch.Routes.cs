namespace SnowOps.Optimizer.Search;

/// <summary>Route data: best modes, prefix and suffix costs, and the chaining that prices moves from them.</summary>
sealed partial class LocalSearch
{
    /// <summary>Recomputes a changed route: positions, best modes, and every prefix and suffix cost.</summary>
    void Update(RouteState route)
    {
        var depot = data.Depot;
        var start = route.Start;
        (start.Fwd0, start.Fwd1, start.RevP0, start.RevP1) = (0, 0, 0, 0);
        (start.CumLoad, start.CumCost, start.CumService, start.CumReverse) = (0, 0, 0, 0);
        var previous = start;
        var count = 0;
        for (var node = start.Next; !node.IsDepot; node = node.Next)
        {
            node.Route = route;
            node.Position = ++count;
            Prefix(previous, node);
            node.CumLoad = previous.CumLoad + node.Demand;
            previous = node;
        }
        var last = previous;
        long end0 = last.Fwd0 + data.D(last.Tail0, depot), end1 = last.Fwd1 + data.D(last.Tail1, depot);
        var end = route.End;
        end.Position = count + 1;
        end.CumLoad = last.CumLoad;
        route.Count = count;
        route.Load = last.CumLoad;
        route.Cost = count == 0 ? 0 : Math.Min(end0, end1);
        (end.Fwd0, end.Fwd1) = (route.Cost, route.Cost);
        var reversed = Math.Min(data.D(depot, last.Head0) + last.RevP0, data.D(depot, last.Head1) + last.RevP1);
        (end.RevP0, end.RevP1) = count == 0 ? (0, 0) : (reversed, reversed);
        var mode = end1 < end0 ? 1 : 0;
        for (var node = last; !node.IsDepot; node = node.Prev)
        {
            node.Mode = mode;
            mode = mode == 0 ? node.Came0 : node.Came1;
        }
        Cumulate(route);
        Suffix(route);
        route.Penalty = data.Penalty(route.Load, route.Cost, weights);
        route.LastModified = moveCount;
        route.Stretches.Fresh = false;
    }

    /// <summary>Best prefix costs of <paramref name="node"/> from those of the task before it.</summary>
    void Prefix(Node previous, Node node)
    {
        long via00 = previous.Fwd0 + data.D(previous.Tail0, node.Head0), via10 = previous.Fwd1 + data.D(previous.Tail1, node.Head0);
        long via01 = previous.Fwd0 + data.D(previous.Tail0, node.Head1), via11 = previous.Fwd1 + data.D(previous.Tail1, node.Head1);
        (node.Came0, node.Fwd0) = via10 < via00 ? (1, via10 + node.Service) : (0, via00 + node.Service);
        (node.Came1, node.Fwd1) = via11 < via01 ? (1, via11 + node.Service) : (0, via01 + node.Service);
        node.RevP0 = node.Service + Math.Min(data.D(node.Tail0, previous.Head0) + previous.RevP0, data.D(node.Tail0, previous.Head1) + previous.RevP1);
        node.RevP1 = node.Service + Math.Min(data.D(node.Tail1, previous.Head0) + previous.RevP0, data.D(node.Tail1, previous.Head1) + previous.RevP1);
    }

    /// <summary>Cumulated costs with the modes chosen, for segments whose modes a move leaves as they are.</summary>
    void Cumulate(RouteState route)
    {
        var previous = route.Start;
        for (var node = previous.Next; !node.IsDepot; node = node.Next)
        {
            node.CumCost = previous.CumCost + data.D(previous.TailNow, node.HeadNow) + node.Service;
            node.CumService = previous.CumService + node.Service;
            node.CumReverse = previous.IsDepot ? 0 : previous.CumReverse + data.D(node.TailFlipped, previous.HeadFlipped);
            previous = node;
        }
        route.End.CumCost = route.Cost;
        route.End.CumService = previous.CumService;
    }

    void Suffix(RouteState route)
    {
        var end = route.End;
        (end.Bwd0, end.Bwd1, end.RevS0, end.RevS1) = (0, 0, 0, 0);
        var next = end;
        for (var node = end.Prev; !node.IsDepot; node = node.Prev)
        {
            node.Bwd0 = node.Service + Math.Min(data.D(node.Tail0, next.Head0) + next.Bwd0, data.D(node.Tail0, next.Head1) + next.Bwd1);
            node.Bwd1 = node.Service + Math.Min(data.D(node.Tail1, next.Head0) + next.Bwd0, data.D(node.Tail1, next.Head1) + next.Bwd1);
            node.RevS0 = node.Service + Math.Min(next.RevS0 + data.D(next.Tail0, node.Head0), next.RevS1 + data.D(next.Tail1, node.Head0));
            node.RevS1 = node.Service + Math.Min(next.RevS0 + data.D(next.Tail0, node.Head1), next.RevS1 + data.D(next.Tail1, node.Head1));
            next = node;
        }
        var first = next;
        var reversed = route.Count == 0 ? 0 : Math.Min(first.RevS0 + data.D(first.Tail0, data.Depot), first.RevS1 + data.D(first.Tail1, data.Depot));
        (route.Start.Bwd0, route.Start.Bwd1) = (route.Cost, route.Cost);
        (route.Start.RevS0, route.Start.RevS1) = (reversed, reversed);
    }

    // Chaining: a prefix (Ends), extended by tasks or fixed segments, closed on a suffix.

    static Ends PrefixOf(Node node) => new(node.Fwd0, node.Fwd1, node.Tail0, node.Tail1);

    /// <summary>The tasks from the route's end back to <paramref name="node"/>, driven in reverse order.</summary>
    static Ends ReversedSuffixOf(Node node) => new(node.RevS0, node.RevS1, node.Tail0, node.Tail1);

    Ends Then(in Ends ends, Node task)
    {
        var in0 = Math.Min(ends.Cost0 + data.D(ends.At0, task.Head0), ends.Cost1 + data.D(ends.At1, task.Head0));
        var in1 = Math.Min(ends.Cost0 + data.D(ends.At0, task.Head1), ends.Cost1 + data.D(ends.At1, task.Head1));
        return new Ends(in0 + task.Service, in1 + task.Service, task.Tail0, task.Tail1);
    }

    Ends Then(in Ends ends, int head, int tail, long inside)
    {
        var cost = Math.Min(ends.Cost0 + data.D(ends.At0, head), ends.Cost1 + data.D(ends.At1, head)) + inside;
        return new Ends(cost, cost, tail, tail);
    }

    /// <summary>Appends the tasks <paramref name="first"/>..<paramref name="last"/> of one route, in order.</summary>
    Ends ThenSegment(in Ends ends, Node first, Node last)
    {
        if (Stretches(first.Route) is not { } table)
            return Then(ends, first.HeadNow, last.TailNow, last.CumCost - first.CumCost + first.Service);
        return ThenStretch(ends, first, last, table.Cell(first.Position, last.Position, reversed: false));
    }

    /// <summary>Appends <paramref name="last"/>..<paramref name="first"/> backwards.</summary>
    Ends ThenSegmentReversed(in Ends ends, Node first, Node last)
    {
        if (Stretches(first.Route) is not { } table)
            return Then(ends, last.HeadFlipped, first.TailFlipped,
                last.CumReverse - first.CumReverse + last.CumService - first.CumService + first.Service);
        return ThenStretch(ends, last, first, table.Cell(first.Position, last.Position, reversed: true));
    }

    /// <summary>The route's stretch table, built if stale; null for routes too long for one (their stretches keep their modes).</summary>
    StretchTable? Stretches(RouteState route)
    {
        if (route.Count > StretchTable.MaxTasks)
            return null;
        if (!route.Stretches.Fresh)
            route.Stretches.Build(data, route);
        return route.Stretches;
    }

    /// <summary>Enters a stretch at <paramref name="entry"/>, leaves it at <paramref name="exit"/>, with best modes inside.</summary>
    Ends ThenStretch(in Ends ends, Node entry, Node exit, ReadOnlySpan<long> cost)
    {
        var in0 = Math.Min(ends.Cost0 + data.D(ends.At0, entry.Head0), ends.Cost1 + data.D(ends.At1, entry.Head0));
        var in1 = Math.Min(ends.Cost0 + data.D(ends.At0, entry.Head1), ends.Cost1 + data.D(ends.At1, entry.Head1));
        var out0 = Math.Min(in0 + cost[0], in1 + cost[2]);
        var out1 = Math.Min(in0 + cost[1], in1 + cost[3]);
        return new Ends(out0, out1, exit.Tail0, exit.Tail1);
    }

    /// <summary>Cost of the route made of <paramref name="ends"/> followed by the suffix starting at <paramref name="next"/>.</summary>
    long Close(in Ends ends, Node next) => Math.Min(
        Math.Min(ends.Cost0 + data.D(ends.At0, next.Head0), ends.Cost1 + data.D(ends.At1, next.Head0)) + next.Bwd0,
        Math.Min(ends.Cost0 + data.D(ends.At0, next.Head1), ends.Cost1 + data.D(ends.At1, next.Head1)) + next.Bwd1);

    /// <summary>Cost of <paramref name="ends"/> followed by <paramref name="node"/> and the tasks before it, backwards.</summary>
    long CloseReversed(in Ends ends, Node node) => Math.Min(
        Math.Min(ends.Cost0 + data.D(ends.At0, node.Head0), ends.Cost1 + data.D(ends.At1, node.Head0)) + node.RevP0,
        Math.Min(ends.Cost0 + data.D(ends.At0, node.Head1), ends.Cost1 + data.D(ends.At1, node.Head1)) + node.RevP1);
}
