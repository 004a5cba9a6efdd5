namespace SnowOps.Optimizer.Search;

/// <summary>
/// For a fixed sequence of tasks, the cheapest choice of each task's direction: a shortest path over the two end states
/// of each task (Beullens et al.; the mode choice of Vidal 2017).
/// </summary>
static class RouteModes
{
    /// <summary>Cost of a depot-to-depot route serving <paramref name="tasks"/> in order, with the best modes.</summary>
    public static long Cost(TaskData data, ReadOnlySpan<int> tasks)
    {
        if (tasks.IsEmpty)
            return 0;
        int at0 = data.Depot, at1 = data.Depot;
        long cost0 = 0, cost1 = 0;
        foreach (var t in tasks)
        {
            int head0 = data.Head(t, 0), head1 = data.Head(t, 1);
            var next0 = Math.Min(cost0 + data.D(at0, head0), cost1 + data.D(at1, head0)) + data.Service[t];
            var next1 = Math.Min(cost0 + data.D(at0, head1), cost1 + data.D(at1, head1)) + data.Service[t];
            (cost0, cost1, at0, at1) = (next0, next1, data.Tail(t, 0), data.Tail(t, 1));
        }
        return Math.Min(cost0 + data.D(at0, data.Depot), cost1 + data.D(at1, data.Depot));
    }

    /// <summary>Writes the best mode of each task into <paramref name="modes"/> and returns the route's cost.</summary>
    public static long Choose(TaskData data, ReadOnlySpan<int> tasks, Span<byte> modes)
    {
        if (tasks.IsEmpty)
            return 0;
        // came[2i + m]: the mode of task i - 1 on the cheapest way to task i in mode m.
        Span<byte> came = tasks.Length <= 512 ? stackalloc byte[2 * tasks.Length] : new byte[2 * tasks.Length];
        int at0 = data.Depot, at1 = data.Depot;
        long cost0 = 0, cost1 = 0;
        for (var i = 0; i < tasks.Length; i++)
        {
            var t = tasks[i];
            int head0 = data.Head(t, 0), head1 = data.Head(t, 1);
            long via00 = cost0 + data.D(at0, head0), via10 = cost1 + data.D(at1, head0);
            long via01 = cost0 + data.D(at0, head1), via11 = cost1 + data.D(at1, head1);
            came[2 * i] = (byte)(via10 < via00 ? 1 : 0);
            came[2 * i + 1] = (byte)(via11 < via01 ? 1 : 0);
            (cost0, cost1) = (Math.Min(via00, via10) + data.Service[t], Math.Min(via01, via11) + data.Service[t]);
            (at0, at1) = (data.Tail(t, 0), data.Tail(t, 1));
        }
        long end0 = cost0 + data.D(at0, data.Depot), end1 = cost1 + data.D(at1, data.Depot);
        var mode = (byte)(end1 < end0 ? 1 : 0);
        for (var i = tasks.Length - 1; i >= 0; i--)
        {
            modes[i] = mode;
            mode = came[2 * i + mode];
        }
        return Math.Min(end0, end1);
    }
}
