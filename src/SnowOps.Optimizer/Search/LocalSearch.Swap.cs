namespace SnowOps.Optimizer.Search;

/// <summary>
/// Swapping u with v, the pair (u, x) with v, and the pair (u, x) with the pair (v, y). Pairs keep their order here
/// (relocation tries both), which halves the pricing work of the most numerous moves.
/// </summary>
sealed partial class LocalSearch
{
    bool Swap()
    {
        Node u = nodeU, v = nodeV;
        if (v.IsDepot || u == v || v == u.Prev || v == u.Next)
            return false;
        double delta;
        if (routeU != routeV)
        {
            var costU = Close(Then(PrefixOf(u.Prev), v), u.Next);
            var costV = Close(Then(PrefixOf(v.Prev), u), v.Next);
            delta = Value(routeU.Load - u.Demand + v.Demand, costU) - routeU.Value
                + Value(routeV.Load - v.Demand + u.Demand, costV) - routeV.Value;
        }
        else
        {
            var (a, b) = u.Position < v.Position ? (u, v) : (v, u);
            var cost = Close(Then(ThenSegment(Then(PrefixOf(a.Prev), b), a.Next, b.Prev), a), b.Next);
            delta = Value(routeU.Load, cost) - routeU.Value;
        }
        if (delta > -Epsilon)
            return false;
        SwapNodes(u, v);
        Applied(routeU, routeV, delta);
        return true;
    }

    bool SwapPairWithOne()
    {
        Node u = nodeU, x = nodeX, v = nodeV;
        if (x.IsDepot || v.IsDepot || v == u || v == x || v == u.Prev || v == x.Next)
            return false;
        double delta;
        if (routeU != routeV)
        {
            var costU = Close(Then(PrefixOf(u.Prev), v), x.Next);
            var costV = Close(Then(Then(PrefixOf(v.Prev), u), x), v.Next);
            var pairDemand = u.Demand + x.Demand;
            delta = Value(routeU.Load - pairDemand + v.Demand, costU) - routeU.Value
                + Value(routeV.Load - v.Demand + pairDemand, costV) - routeV.Value;
        }
        else
        {
            var cost = v.Position < u.Position
                ? Close(Then(ThenSegment(Then(Then(PrefixOf(v.Prev), u), x), v.Next, u.Prev), v), x.Next)
                : Close(Then(Then(ThenSegment(Then(PrefixOf(u.Prev), v), x.Next, v.Prev), u), x), v.Next);
            delta = Value(routeU.Load, cost) - routeU.Value;
        }
        if (delta > -Epsilon)
            return false;
        SwapNodes(u, v);
        InsertAfter(x, u);
        Applied(routeU, routeV, delta);
        return true;
    }

    bool SwapPairs()
    {
        Node u = nodeU, x = nodeX, v = nodeV, y = nodeY;
        if (x.IsDepot || v.IsDepot || y.IsDepot || v == u || v == x || v == x.Next || y == u || y == u.Prev)
            return false;
        double delta;
        if (routeU != routeV)
        {
            var costU = Close(Then(Then(PrefixOf(u.Prev), v), y), x.Next);
            var costV = Close(Then(Then(PrefixOf(v.Prev), u), x), y.Next);
            long pairU = u.Demand + x.Demand, pairV = v.Demand + y.Demand;
            delta = Value(routeU.Load - pairU + pairV, costU) - routeU.Value
                + Value(routeV.Load - pairV + pairU, costV) - routeV.Value;
        }
        else
        {
            var (a1, a2, b1, b2) = u.Position < v.Position ? (u, x, v, y) : (v, y, u, x);
            var ends = ThenSegment(Then(Then(PrefixOf(a1.Prev), b1), b2), a2.Next, b1.Prev);
            delta = Value(routeU.Load, Close(Then(Then(ends, a1), a2), b2.Next)) - routeU.Value;
        }
        if (delta > -Epsilon)
            return false;
        SwapNodes(u, v);
        SwapNodes(x, y);
        Applied(routeU, routeV, delta);
        return true;
    }

    /// <summary>Exchanges the places of two tasks that are not next to each other.</summary>
    static void SwapNodes(Node u, Node v)
    {
        Node uPrev = u.Prev, uNext = u.Next, vPrev = v.Prev, vNext = v.Next;
        RouteState uRoute = u.Route, vRoute = v.Route;
        uPrev.Next = v;
        uNext.Prev = v;
        vPrev.Next = u;
        vNext.Prev = u;
        (u.Prev, u.Next, u.Route) = (vPrev, vNext, vRoute);
        (v.Prev, v.Next, v.Route) = (uPrev, uNext, uRoute);
    }
}
