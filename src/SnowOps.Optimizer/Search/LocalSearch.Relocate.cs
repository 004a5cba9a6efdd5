namespace SnowOps.Optimizer.Search;

/// <summary>Relocating u, or u and x, after v; both orders of the pair, and every mode, are priced.</summary>
sealed partial class LocalSearch
{
    Node? removalOf;
    long removalAt = -1;
    double removalSingle, removalPair;

    bool Relocate()
    {
        Node u = nodeU, v = nodeV;
        if (u == v || v == u.Prev)
            return false;
        double delta;
        if (routeU != routeV)
        {
            var deltaU = Removal(u, pair: false);
            // Serving one more task never makes a route cheaper, so nothing can be gained when removing u gains nothing.
            if (deltaU > -Epsilon)
                return false;
            delta = deltaU + Value(routeV.Load + u.Demand, Close(Then(PrefixOf(v), u), v.Next)) - routeV.Value;
        }
        else
        {
            var cost = v.Position < u.Position
                ? Close(ThenSegment(Then(PrefixOf(v), u), v.Next, u.Prev), u.Next)
                : Close(Then(ThenSegment(PrefixOf(u.Prev), u.Next, v), u), v.Next);
            delta = Value(routeU.Load, cost) - routeU.Value;
        }
        if (delta > -Epsilon)
            return false;
        InsertAfter(u, v);
        Applied(routeU, routeV, delta);
        return true;
    }

    bool RelocatePair()
    {
        Node u = nodeU, x = nodeX, v = nodeV;
        if (x.IsDepot || v == x || v == u)
            return false;
        bool xFirst;
        double delta;
        if (routeU != routeV)
        {
            var deltaU = Removal(u, pair: true);
            if (deltaU > -Epsilon)
                return false;
            var ends = PrefixOf(v);
            var (cost, reversed) = Better(Close(Then(Then(ends, u), x), v.Next), Close(Then(Then(ends, x), u), v.Next));
            xFirst = reversed;
            delta = deltaU + Value(routeV.Load + u.Demand + x.Demand, cost) - routeV.Value;
        }
        else
        {
            long cost;
            if (v == u.Prev)
                (cost, xFirst) = (Close(Then(Then(PrefixOf(v), x), u), x.Next), true);
            else if (v.Position < u.Position)
            {
                var ends = PrefixOf(v);
                (cost, xFirst) = Better(
                    Close(ThenSegment(Then(Then(ends, u), x), v.Next, u.Prev), x.Next),
                    Close(ThenSegment(Then(Then(ends, x), u), v.Next, u.Prev), x.Next));
            }
            else
            {
                var ends = ThenSegment(PrefixOf(u.Prev), x.Next, v);
                (cost, xFirst) = Better(Close(Then(Then(ends, u), x), v.Next), Close(Then(Then(ends, x), u), v.Next));
            }
            delta = Value(routeU.Load, cost) - routeU.Value;
        }
        if (delta > -Epsilon)
            return false;
        if (xFirst)
        {
            InsertAfter(x, v);
            InsertAfter(u, x);
        }
        else
        {
            InsertAfter(u, v);
            InsertAfter(x, u);
        }
        Applied(routeU, routeV, delta);
        return true;
    }

    /// <summary>
    /// Change in penalised cost of u's route when u (or u and the next task) leaves it; kept while no move is applied,
    /// since the same u is tried against all its neighbours in turn.
    /// </summary>
    double Removal(Node u, bool pair)
    {
        if (removalOf != u || removalAt != moveCount)
            (removalOf, removalAt, removalSingle, removalPair) = (u, moveCount, double.NaN, double.NaN);
        var route = u.Route;
        if (!pair)
        {
            if (double.IsNaN(removalSingle))
                removalSingle = Value(route.Load - u.Demand, Close(PrefixOf(u.Prev), u.Next)) - route.Value;
            return removalSingle;
        }
        if (double.IsNaN(removalPair))
        {
            var x = u.Next;
            removalPair = Value(route.Load - u.Demand - x.Demand, Close(PrefixOf(u.Prev), x.Next)) - route.Value;
        }
        return removalPair;
    }

    /// <summary>The cheaper of two options, and whether it was the second.</summary>
    static (long Cost, bool Second) Better(long first, long second) => second < first ? (second, true) : (first, false);

    /// <summary>Takes <paramref name="u"/> out of its place and puts it right after <paramref name="v"/>.</summary>
    static void InsertAfter(Node u, Node v)
    {
        u.Prev.Next = u.Next;
        u.Next.Prev = u.Prev;
        var next = v.Next;
        next.Prev = u;
        u.Prev = v;
        u.Next = next;
        v.Next = u;
        u.Route = v.Route;
    }
}
