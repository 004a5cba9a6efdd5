namespace SnowOps.Optimizer.Search;

/// <summary>
/// Randomised nearest-neighbour giant tours: from the depot, repeatedly one of the few nearest unserved tasks, in its
/// nearer mode. Split then cuts them into routes. On large networks these start the search far better than random
/// tours, which the granular local search cannot untangle in reasonable time.
/// </summary>
sealed class NearestTour(TaskData data, int[][] neighbours)
{
    const int Choices = 3;

    readonly bool[] served = new bool[data.Count];
    readonly int[] candidates = new int[Choices];
    readonly long[] gaps = new long[Choices];

    public void Build(int[] tour, Random random)
    {
        Array.Clear(served);
        var at = data.Depot;
        var last = -1;
        for (var i = 0; i < tour.Length; i++)
        {
            var count = last < 0 ? 0 : Nearest(neighbours[last], at);
            if (count == 0)
                count = Nearest(AllTasks(), at);
            var task = candidates[random.Next(count)];
            tour[i] = task;
            served[task] = true;
            at = Gap(at, task, 0) <= Gap(at, task, 1) ? data.Tail(task, 0) : data.Tail(task, 1);
            last = task;
        }
    }

    IEnumerable<int> AllTasks()
    {
        for (var t = 0; t < served.Length; t++)
            yield return t;
    }

    /// <summary>Keeps the few unserved tasks nearest to <paramref name="at"/> in <see cref="candidates"/>.</summary>
    int Nearest(IEnumerable<int> tasks, int at)
    {
        var count = 0;
        foreach (var t in tasks)
        {
            if (served[t])
                continue;
            var gap = Math.Min(Gap(at, t, 0), Gap(at, t, 1));
            if (count == Choices && gap >= gaps[Choices - 1])
                continue;
            var k = count < Choices ? count++ : Choices - 1;
            for (; k > 0 && gaps[k - 1] > gap; k--)
                (gaps[k], candidates[k]) = (gaps[k - 1], candidates[k - 1]);
            (gaps[k], candidates[k]) = (gap, t);
        }
        return count;
    }

    long Gap(int at, int task, int mode) => data.D(at, data.Head(task, mode));
}
