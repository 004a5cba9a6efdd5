namespace SnowOps.Optimizer.Search;

/// <summary>
/// Cuts a giant tour into routes at least total penalised cost (Bellman over the tour, Prins 2004). Each candidate route
/// is priced with its best task modes, extended one task at a time over the two end states of its last task.
/// </summary>
sealed class Split(TaskData data)
{
    /// <summary>Routes are not stretched beyond this share of capacity or shift, which keeps the split near linear.</summary>
    const double Stretch = 1.5;

    readonly double[] potential = new double[data.Count + 1];
    readonly int[] cut = new int[data.Count + 1];

    /// <summary>Sets the routes of <paramref name="individual"/> from its tour (its cost is left to the caller).</summary>
    public void Run(Individual individual, in PenaltyWeights weights)
    {
        var tour = individual.Tour;
        var n = tour.Length;
        var depot = data.Depot;
        var loadLimit = Stretch * data.Capacity;
        var costLimit = data.HasRouteLimit ? Stretch * data.MaxRouteCost : double.PositiveInfinity;
        Array.Fill(potential, double.PositiveInfinity);
        potential[0] = 0;
        for (var i = 0; i < n; i++)
        {
            int at0 = depot, at1 = depot;
            long cost0 = 0, cost1 = 0, load = 0;
            for (var j = i; j < n; j++)
            {
                var t = tour[j];
                int head0 = data.Head(t, 0), head1 = data.Head(t, 1);
                var next0 = Math.Min(cost0 + data.D(at0, head0), cost1 + data.D(at1, head0)) + data.Service[t];
                var next1 = Math.Min(cost0 + data.D(at0, head1), cost1 + data.D(at1, head1)) + data.Service[t];
                (cost0, cost1, at0, at1) = (next0, next1, data.Tail(t, 0), data.Tail(t, 1));
                load += data.Demand[t];
                var cost = Math.Min(cost0 + data.D(at0, depot), cost1 + data.D(at1, depot));
                var value = potential[i] + cost + data.Penalty(load, cost, weights);
                if (value < potential[j + 1])
                {
                    potential[j + 1] = value;
                    cut[j + 1] = i;
                }
                if (load > loadLimit || cost > costLimit)
                    break;
            }
        }
        WriteRoutes(individual);
    }

    void WriteRoutes(Individual individual)
    {
        var count = 0;
        for (var end = individual.Tour.Length; end > 0; end = cut[end])
            count++;
        individual.RouteCount = count;
        var r = count;
        for (var end = individual.Tour.Length; end > 0; end = cut[end])
            individual.RouteStarts[r--] = end;
        individual.RouteStarts[0] = 0;
    }
}
