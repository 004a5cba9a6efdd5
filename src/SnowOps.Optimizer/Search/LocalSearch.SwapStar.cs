namespace SnowOps.Optimizer.Search;

/// <summary>
/// SWAP* (Vidal 2022): exchange u of route A with v of route B, each going to its best place in the other route rather
/// than to the other's place. Tried for pairs of routes that hold granular neighbours. Places are priced additively
/// (removal, then insertion), which ignores how the two interact through the modes, so the best exchange is re-priced
/// exactly before it is applied.
/// </summary>
sealed partial class LocalSearch
{
    const int Places = 3;

    // For each task, its three cheapest places in the other route: the node it would follow, and that route's new cost.
    readonly long[] placeCost;
    readonly Node?[] placeAfter;
    readonly long[] withoutCost;
    readonly int[] relatedStamp;
    readonly int[] related;
    readonly int[] taskBuffer;
    int stamp;

    /// <summary>Tries SWAP* between every route and each route holding a neighbour of one of its tasks.</summary>
    void SwapStarPass(int loop)
    {
        for (var a = 0; a < routesLoaded && !stop.Reached; a++)
        {
            var routeA = routes[a];
            var lastTested = routeA.LastTestedSwapStar;
            routeA.LastTestedSwapStar = moveCount;
            var count = 0;
            stamp++;
            for (var node = routeA.Start.Next; !node.IsDepot; node = node.Next)
            {
                foreach (var t in neighbours[node.Task])
                {
                    var b = nodes[t].Route.Index;
                    if (b > a && relatedStamp[b] != stamp)
                        (relatedStamp[b], related[count++]) = (stamp, b);
                }
            }
            for (var i = 0; i < count && !routeA.IsEmpty; i++)
            {
                var routeB = routes[related[i]];
                if (!routeB.IsEmpty && (loop == 0 || Math.Max(routeA.LastModified, routeB.LastModified) > lastTested))
                    SwapStar(routeA, routeB);
            }
        }
    }

    bool SwapStar(RouteState a, RouteState b)
    {
        FindPlaces(b, a);
        FindPlaces(a, b);
        double bestDelta = -Epsilon;
        Node? bestU = null, bestV = null;
        for (var u = a.Start.Next; !u.IsDepot; u = u.Next)
        {
            for (var v = b.Start.Next; !v.IsDepot; v = v.Next)
            {
                long loadA = a.Load - u.Demand + v.Demand, loadB = b.Load - v.Demand + u.Demand;
                // Neither route gets cheaper than without its task, so this bounds the gain from below.
                var bound = Value(loadA, withoutCost[u.Task]) - a.Value + Value(loadB, withoutCost[v.Task]) - b.Value;
                if (bound >= bestDelta)
                    continue;
                var delta = Value(loadA, Replaced(a, u, v)) - a.Value + Value(loadB, Replaced(b, v, u)) - b.Value;
                if (delta < bestDelta)
                    (bestDelta, bestU, bestV) = (delta, u, v);
            }
        }
        return bestU is not null && bestV is not null && ApplySwapStar(a, b, bestU, bestV);
    }

    /// <summary>For each task of <paramref name="from"/>: its route's cost without it, and its three best places in <paramref name="into"/>.</summary>
    void FindPlaces(RouteState into, RouteState from)
    {
        for (var u = from.Start.Next; !u.IsDepot; u = u.Next)
        {
            withoutCost[u.Task] = Close(PrefixOf(u.Prev), u.Next);
            var at = Places * u.Task;
            for (var k = 0; k < Places; k++)
                (placeCost[at + k], placeAfter[at + k]) = (long.MaxValue, null);
            for (var p = into.Start; !p.IsDepot || p == into.Start; p = p.Next)
            {
                var cost = Close(Then(PrefixOf(p), u), p.Next);
                if (cost >= placeCost[at + Places - 1])
                    continue;
                var k = Places - 1;
                for (; k > 0 && placeCost[at + k - 1] > cost; k--)
                    (placeCost[at + k], placeAfter[at + k]) = (placeCost[at + k - 1], placeAfter[at + k - 1]);
                (placeCost[at + k], placeAfter[at + k]) = (cost, p);
            }
        }
    }

    /// <summary>Estimated cost of <paramref name="route"/> once <paramref name="leaving"/> gives way to <paramref name="coming"/>.</summary>
    long Replaced(RouteState route, Node leaving, Node coming)
    {
        var best = Close(Then(PrefixOf(leaving.Prev), coming), leaving.Next);
        var at = Places * coming.Task;
        for (var k = 0; k < Places; k++)
        {
            var after = placeAfter[at + k];
            if (after is null || after == leaving || after == leaving.Prev)
                continue;
            best = Math.Min(best, withoutCost[leaving.Task] + placeCost[at + k] - route.Cost);
            break;
        }
        return best;
    }

    /// <summary>Builds both routes as estimated, prices them exactly, and keeps them only if they really gain.</summary>
    bool ApplySwapStar(RouteState a, RouteState b, Node u, Node v)
    {
        var countA = Rebuilt(a, u, v, sequenceU);
        var countB = Rebuilt(b, v, u, sequenceV);
        var delta = Value(a.Load - u.Demand + v.Demand, ExactCost(sequenceU, countA)) - a.Value
            + Value(b.Load - v.Demand + u.Demand, ExactCost(sequenceV, countB)) - b.Value;
        if (delta > -Epsilon)
            return false;
        Relink(a, sequenceU, countA);
        Relink(b, sequenceV, countB);
        Applied(a, b, delta);
        return true;
    }

    /// <summary>The nodes of <paramref name="route"/> with <paramref name="leaving"/> replaced by <paramref name="coming"/> at its best place.</summary>
    int Rebuilt(RouteState route, Node leaving, Node coming, Node[] sequence)
    {
        var inPlace = Close(Then(PrefixOf(leaving.Prev), coming), leaving.Next);
        var after = leaving.Prev;
        var at = Places * coming.Task;
        for (var k = 0; k < Places; k++)
        {
            var place = placeAfter[at + k];
            if (place is null || place == leaving || place == leaving.Prev)
                continue;
            if (withoutCost[leaving.Task] + placeCost[at + k] - route.Cost < inPlace)
                after = place;
            break;
        }
        var count = 0;
        if (after == route.Start)
            sequence[count++] = coming;
        for (var node = route.Start.Next; !node.IsDepot; node = node.Next)
        {
            if (node != leaving)
                sequence[count++] = node;
            if (node == after)
                sequence[count++] = coming;
        }
        return count;
    }

    long ExactCost(Node[] sequence, int count)
    {
        for (var i = 0; i < count; i++)
            taskBuffer[i] = sequence[i].Task;
        return RouteModes.Cost(data, taskBuffer.AsSpan(0, count));
    }
}
