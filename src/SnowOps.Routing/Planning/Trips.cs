namespace SnowOps.Routing.Planning;

/// <summary>A depot-to-depot run of one class in one sector.</summary>
public sealed record Trip(SectorProblem Sector, IReadOnlyList<Service> Services, long Cost, long Load, int Rank);

/// <summary>A trip placed in a vehicle's day: it leaves the base at <see cref="Start"/> (seconds into the shift).</summary>
public sealed record ScheduledTrip(Trip Trip, int Vehicle, long Start)
{
    public long End => Start + Trip.Cost;
}

/// <summary>
/// Cuts a class's tours into trips and shares them among a crew's vehicles so the class finishes as early as possible.
/// A tour is cut greedily wherever a trip would pass a length bound (optimal for contiguous cuts, since a trip's cost only
/// grows as it takes more streets); the trips go longest first to the vehicle free earliest (LPT). Bounds from the
/// longest single-street trip up to the shift are tried. The first class keeps the best by (work left out, class finish,
/// total cost); later classes by (work left out, total cost, class finish), since after P1 the objective is total cost.
/// </summary>
public static class Trips
{
    public sealed record Outcome(List<ScheduledTrip> Scheduled, List<Trip> Unfit, long[] Ready)
    {
        public long UnfitCost => Unfit.Sum(t => t.Cost);
        public long Finish => Scheduled.Count == 0 ? 0 : Scheduled.Max(s => s.End);
        public long Cost => Scheduled.Sum(s => s.Trip.Cost);
    }

    public static Outcome Plan(Crew crew, IReadOnlyList<(SectorProblem Sector, List<Service> Tour)> tours, int rank, long[] ready, bool finishFirst)
    {
        var singles = tours.SelectMany(t => t.Tour.Select(s => Cut(t.Sector, [s], rank).Cost)).DefaultIfEmpty(1).Max();
        var longest = tours.Select(t => Cut(t.Sector, t.Tour, rank).Cost).DefaultIfEmpty(1).Max();
        var high = Math.Max(singles, Math.Min(crew.TripBudget, Math.Max(longest, 1)));
        var bounds = new SortedSet<long> { high, singles };
        for (var step = 1; step < 24; step++)
            bounds.Add((long)(singles * Math.Pow((double)high / Math.Max(1, singles), step / 24.0)));

        Outcome? best = null;
        foreach (var bound in bounds)
        {
            var trips = tours.SelectMany(t => Split(t.Sector, t.Tour, bound, crew.Capacity, rank)).ToList();
            var outcome = Schedule(crew, trips, ready);
            if (best is null || Better(outcome, best, finishFirst))
                best = outcome;
        }
        return best ?? new Outcome([], [], ready);
    }

    static bool Better(Outcome a, Outcome b, bool finishFirst) => finishFirst
        ? (a.UnfitCost, a.Finish, a.Cost).CompareTo((b.UnfitCost, b.Finish, b.Cost)) < 0
        : (a.UnfitCost, a.Cost, a.Finish).CompareTo((b.UnfitCost, b.Cost, b.Finish)) < 0;

    public static IEnumerable<Trip> Split(SectorProblem sector, IReadOnlyList<Service> tour, long bound, long capacity, int rank)
    {
        var start = 0;
        while (start < tour.Count)
        {
            var end = start + 1;
            long cost = sector.Deadhead(sector.Crew.Base, tour[start].Start) + sector.ServeCost(tour[start].Item);
            long load = sector.Demand(tour[start].Item);
            while (end < tour.Count)
            {
                var next = tour[end];
                var longer = cost + sector.Deadhead(tour[end - 1].End, next.Start) + sector.ServeCost(next.Item);
                if (longer + sector.Deadhead(next.End, sector.Crew.Base) > bound || load + sector.Demand(next.Item) > capacity)
                    break;
                cost = longer;
                load += sector.Demand(next.Item);
                end++;
            }
            yield return new Trip(sector, tour.Skip(start).Take(end - start).ToList(), cost + sector.Deadhead(tour[end - 1].End, sector.Crew.Base), load, rank);
            start = end;
        }
    }

    static Trip Cut(SectorProblem sector, IReadOnlyList<Service> services, int rank) =>
        Split(sector, services, long.MaxValue, long.MaxValue, rank).Single();

    /// <summary>Longest trip first, to the vehicle free earliest; a trip that would end past the shift is left out.</summary>
    public static Outcome Schedule(Crew crew, IReadOnlyList<Trip> trips, long[] readyBefore)
    {
        var ready = (long[])readyBefore.Clone();
        var latestEnd = crew.ShiftSeconds - crew.EndOffset;
        var scheduled = new List<ScheduledTrip>();
        var unfit = new List<Trip>();
        foreach (var trip in trips.OrderByDescending(t => t.Cost))
        {
            var vehicle = 0;
            for (var v = 1; v < ready.Length; v++)
            {
                if (ready[v] < ready[vehicle])
                    vehicle = v;
            }
            if (ready[vehicle] + trip.Cost > latestEnd)
            {
                unfit.Add(trip);
                continue;
            }
            scheduled.Add(new ScheduledTrip(trip, vehicle, ready[vehicle]));
            ready[vehicle] += trip.Cost;
        }
        return new Outcome(scheduled, unfit, ready);
    }
}
