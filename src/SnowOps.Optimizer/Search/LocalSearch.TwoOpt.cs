namespace SnowOps.Optimizer.Search;

/// <summary>2-opt inside a route (the segment x..v driven backwards) and the two 2-opt* exchanges of route tails.</summary>
sealed partial class LocalSearch
{
    bool TwoOpt()
    {
        Node u = nodeU, x = nodeX, v = nodeV;
        if (v.IsDepot || u.Position >= v.Position || x == v)
            return false;
        var cost = Close(ThenSegmentReversed(PrefixOf(u), x, v), v.Next);
        var delta = Value(routeU.Load, cost) - routeU.Value;
        if (delta > -Epsilon)
            return false;
        var count = Gather(sequenceU, 0, routeU.Start.Next, x);
        count = GatherBackwards(sequenceU, count, v, u);
        count = Gather(sequenceU, count, v.Next, routeU.End);
        Relink(routeU, sequenceU, count);
        Applied(routeU, routeU, delta);
        return true;
    }

    /// <summary>Routes become (start of U, u, y, rest of V) and (start of V, v, x, rest of U).</summary>
    bool TwoOptStar()
    {
        Node u = nodeU, x = nodeX, v = nodeV, y = nodeY;
        var costU = Close(PrefixOf(u), y);
        var costV = Close(PrefixOf(v), x);
        var delta = Value(u.CumLoad + routeV.Load - v.CumLoad, costU) - routeU.Value
            + Value(v.CumLoad + routeU.Load - u.CumLoad, costV) - routeV.Value;
        if (delta > -Epsilon)
            return false;
        var countU = Gather(sequenceU, 0, routeU.Start.Next, x);
        countU = Gather(sequenceU, countU, y, routeV.End);
        var countV = Gather(sequenceV, 0, routeV.Start.Next, y);
        countV = Gather(sequenceV, countV, x, routeU.End);
        Relink(routeU, sequenceU, countU);
        Relink(routeV, sequenceV, countV);
        Applied(routeU, routeV, delta);
        return true;
    }

    /// <summary>Routes become (start of U, u, v, start of V backwards) and (end of U backwards, x, y, rest of V).</summary>
    bool TwoOptStarReversing()
    {
        Node u = nodeU, x = nodeX, v = nodeV, y = nodeY;
        var costU = CloseReversed(PrefixOf(u), v);
        var costV = Close(ReversedSuffixOf(x), y);
        var delta = Value(u.CumLoad + v.CumLoad, costU) - routeU.Value
            + Value(routeU.Load - u.CumLoad + routeV.Load - v.CumLoad, costV) - routeV.Value;
        if (delta > -Epsilon)
            return false;
        var countU = Gather(sequenceU, 0, routeU.Start.Next, x);
        countU = GatherBackwards(sequenceU, countU, v, routeV.Start);
        var countV = GatherBackwards(sequenceV, 0, routeU.End.Prev, u);
        countV = Gather(sequenceV, countV, y, routeV.End);
        Relink(routeU, sequenceU, countU);
        Relink(routeV, sequenceV, countV);
        Applied(routeU, routeV, delta);
        return true;
    }

    /// <summary>Appends <paramref name="from"/> and the nodes after it, up to but without <paramref name="stop"/>.</summary>
    static int Gather(Node[] sequence, int count, Node from, Node stop)
    {
        for (var node = from; node != stop; node = node.Next)
            sequence[count++] = node;
        return count;
    }

    static int GatherBackwards(Node[] sequence, int count, Node from, Node stop)
    {
        for (var node = from; node != stop; node = node.Prev)
            sequence[count++] = node;
        return count;
    }

    static void Relink(RouteState route, Node[] sequence, int count)
    {
        var last = route.Start;
        for (var i = 0; i < count; i++)
        {
            var node = sequence[i];
            (last.Next, node.Prev, node.Route) = (node, last, route);
            last = node;
        }
        (last.Next, route.End.Prev) = (route.End, last);
    }
}
