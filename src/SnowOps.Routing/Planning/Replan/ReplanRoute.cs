using SnowOps.Optimizer;

namespace SnowOps.Routing.Planning.Replan;

/// <summary>
/// A working vehicle's remaining route during a re-plan: it leaves from where the vehicle is, serves its list in order
/// (a spreader goes back to its base to load when the next street would need more than is left), returns to its base and
/// then home. Costs come from a distance matrix over the re-plan's vertices.
/// </summary>
public sealed class ReplanRoute(Crew crew, Fleet.Vehicle vehicle, int start, long budget, DistanceMatrix distances, IReadOnlyDictionary<int, int> local)
{
    public Crew Crew { get; } = crew;
    public Fleet.Vehicle Vehicle { get; } = vehicle;
    public int StartVertex { get; } = start;

    /// <summary>Seconds left in the vehicle's shift.</summary>
    public long Budget { get; } = budget;
    List<Service> _services = [];
    Cost? _current;

    public List<Service> Services
    {
        get => _services;
        set
        {
            _services = value;
            _current = null;
        }
    }

    /// <summary>The cost of <see cref="Services"/>, kept until they change.</summary>
    public Cost Current => _current ??= Evaluate(_services);

    public long D(int from, int to) => distances[local[from], local[to]];

    public readonly record struct Cost(long Seconds, long FirstClassEnd, long Over, bool ClassOrderKept);

    public Cost Evaluate(IReadOnlyList<Service> services)
    {
        long t = 0, load = 0, firstClassEnd = 0;
        var at = StartVertex;
        var rank = int.MinValue;
        var ordered = true;
        foreach (var s in services)
        {
            var demand = (long)Math.Ceiling(s.Item.DeIcerKg);
            if (load + demand > Crew.Capacity && load > 0)
            {
                t += D(at, Crew.Base);
                at = Crew.Base;
                load = 0;
            }
            t += D(at, s.Start) + Crew.Serve[s.Item.Segment];
            load += demand;
            at = s.End;
            if (s.Item.Rank == 0)
                firstClassEnd = t;
            ordered &= s.Item.Rank >= rank;
            rank = Math.Max(rank, s.Item.Rank);
        }
        t += D(at, Crew.Base) + D(Crew.Base, Crew.Home);
        return new Cost(t, firstClassEnd, Math.Max(0, t - Budget), ordered);
    }

}
