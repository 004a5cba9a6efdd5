namespace SnowOps.Optimizer.Search;

/// <summary>
/// Granular neighbourhoods: for each task, the Γ tasks that can follow or precede it most cheaply. A move is tried only
/// when it puts a task next to one of these, which removes most unpromising moves.
/// </summary>
static class Neighbourhoods
{
    public static int[][] Build(TaskData data, int size)
    {
        var n = data.Count;
        size = Math.Min(size, n - 1);
        var sets = new HashSet<int>[n];
        for (var t = 0; t < n; t++)
            sets[t] = [];
        if (size <= 0)
            return sets.Select(_ => Array.Empty<int>()).ToArray();
        var keys = new double[size + 1];
        var nearest = new int[size + 1];
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                    continue;
                var key = Closeness(data, i, j);
                if (count == size && key >= keys[size - 1])
                    continue;
                // Insertion into the short sorted list of the nearest so far.
                var k = count < size ? count++ : size - 1;
                for (; k > 0 && keys[k - 1] > key; k--)
                    (keys[k], nearest[k]) = (keys[k - 1], nearest[k - 1]);
                (keys[k], nearest[k]) = (key, j);
            }
            for (var k = 0; k < count; k++)
            {
                sets[i].Add(nearest[k]);
                sets[nearest[k]].Add(i);
            }
        }
        // Sorted, so that the lists (and every run with the same seed) do not depend on hash set order.
        return sets.Select(s => s.Order().ToArray()).ToArray();
    }

    /// <summary>
    /// The cheapest deadhead between the two tasks in either order and any modes; ties, common when streets share
    /// corners, go to the pair whose ends are nearer on average.
    /// </summary>
    static double Closeness(TaskData data, int i, int j)
    {
        long least = long.MaxValue, sum = 0;
        for (var a = 0; a < 2; a++)
        {
            for (var b = 0; b < 2; b++)
            {
                long after = data.D(data.Tail(i, a), data.Head(j, b)), before = data.D(data.Tail(j, b), data.Head(i, a));
                least = Math.Min(least, Math.Min(after, before));
                sum += after + before;
            }
        }
        var mean = sum / 8.0;
        return least + mean / (1.0 + mean);
    }
}
