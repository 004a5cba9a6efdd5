namespace SnowOps.Optimizer.Search;

/// <summary>
/// Ordered crossover (OX) on giant tours: a random slice of the first parent kept in place, the other tasks in the
/// order of the second parent, read from the slice's end.
/// </summary>
sealed class Crossover(int taskCount)
{
    readonly bool[] taken = new bool[taskCount];

    public void Run(Individual child, Individual first, Individual second, Random random)
    {
        var n = taken.Length;
        Array.Clear(taken);
        var start = random.Next(n);
        var end = random.Next(n);
        while (end == start)
            end = random.Next(n);
        var j = start;
        for (; j % n != (end + 1) % n; j++)
        {
            var task = first.Tour[j % n];
            child.Tour[j % n] = task;
            taken[task] = true;
        }
        for (var i = 1; i <= n; i++)
        {
            var task = second.Tour[(end + i) % n];
            if (taken[task])
                continue;
            child.Tour[j % n] = task;
            j++;
        }
    }
}
