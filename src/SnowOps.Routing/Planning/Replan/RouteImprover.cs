using System.Diagnostics;

namespace SnowOps.Routing.Planning.Replan;

/// <summary>
/// Improves re-planned routes by moving one street elsewhere (relocate), exchanging two streets between routes (swap) and
/// reversing a run of two-way streets in a route (2-opt), taking each move that lowers (time past the shifts, the first
/// class's finish, total time), until no move helps or the time is up. Class order within a route is kept.
/// </summary>
public static class RouteImprover
{
    public static void Improve(IReadOnlyList<ReplanRoute> routes, TimeSpan limit, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var improved = true;
        while (improved && watch.Elapsed < limit && !cancellationToken.IsCancellationRequested)
        {
            improved = false;
            for (var a = 0; a < routes.Count && watch.Elapsed < limit; a++)
            {
                for (var b = 0; b < routes.Count && watch.Elapsed < limit; b++)
                {
                    if (routes[a].Crew.Kind != routes[b].Crew.Kind)
                        continue;
                    improved |= Relocate(routes, routes[a], routes[b]);
                    if (a < b)
                        improved |= Swap(routes, routes[a], routes[b]);
                }
                improved |= TwoOpt(routes, routes[a]);
            }
        }
    }

    static (long Over, long FirstClass, long Seconds) Score(IReadOnlyList<ReplanRoute> routes, ReplanRoute? changedA = null,
        List<Service>? a = null, ReplanRoute? changedB = null, List<Service>? b = null)
    {
        long over = 0, first = 0, seconds = 0;
        foreach (var route in routes)
        {
            var cost = route == changedA ? route.Evaluate(a!) : route == changedB ? route.Evaluate(b!) : route.Current;
            if (!cost.ClassOrderKept)
                return (long.MaxValue, long.MaxValue, long.MaxValue);
            over += cost.Over;
            first = Math.Max(first, cost.FirstClassEnd);
            seconds += cost.Seconds;
        }
        return (over, first, seconds);
    }

    static bool Relocate(IReadOnlyList<ReplanRoute> routes, ReplanRoute from, ReplanRoute to)
    {
        var current = Score(routes);
        for (var i = 0; i < from.Services.Count; i++)
        {
            for (var j = 0; j <= to.Services.Count - (from == to ? 1 : 0); j++)
            {
                if (from == to && j == i)
                    continue;
                foreach (var reversed in Orientations(from.Services[i]))
                {
                    var source = new List<Service>(from.Services);
                    var moved = source[i] with { Reversed = reversed };
                    source.RemoveAt(i);
                    var target = from == to ? source : new List<Service>(to.Services);
                    target.Insert(Math.Min(j, target.Count), moved);
                    var score = from == to ? Score(routes, from, source) : Score(routes, from, source, to, target);
                    if (score.CompareTo(current) < 0)
                    {
                        from.Services = source;
                        to.Services = target;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static bool Swap(IReadOnlyList<ReplanRoute> routes, ReplanRoute a, ReplanRoute b)
    {
        var current = Score(routes);
        for (var i = 0; i < a.Services.Count; i++)
        {
            for (var j = 0; j < b.Services.Count; j++)
            {
                var left = new List<Service>(a.Services) { [i] = b.Services[j] };
                var right = new List<Service>(b.Services) { [j] = a.Services[i] };
                if (Score(routes, a, left, b, right).CompareTo(current) < 0)
                {
                    (a.Services, b.Services) = (left, right);
                    return true;
                }
            }
        }
        return false;
    }

    static bool TwoOpt(IReadOnlyList<ReplanRoute> routes, ReplanRoute route)
    {
        var current = Score(routes);
        for (var i = 0; i < route.Services.Count; i++)
        {
            for (var j = i + 1; j < route.Services.Count && route.Services[j].Item.EitherWay; j++)
            {
                if (!route.Services[i].Item.EitherWay)
                    break;
                var changed = new List<Service>(route.Services);
                changed.Reverse(i, j - i + 1);
                for (var k = i; k <= j; k++)
                    changed[k] = changed[k] with { Reversed = !changed[k].Reversed };
                if (Score(routes, route, changed).CompareTo(current) < 0)
                {
                    route.Services = changed;
                    return true;
                }
            }
        }
        return false;
    }

    static bool[] Orientations(Service s) => s.Item.EitherWay ? [s.Reversed, !s.Reversed] : [s.Reversed];
}
