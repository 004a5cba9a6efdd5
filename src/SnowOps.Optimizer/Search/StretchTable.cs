namespace SnowOps.Optimizer.Search;

/// <summary>
/// For every stretch i..j of one route, the least cost of serving it in order and in reverse order, for each mode of
/// its first and last task, with the modes inside chosen best. Intra-route moves are then priced exactly in O(1),
/// at O(m²) per changed route; longer routes than <see cref="MaxTasks"/> keep their modes inside moved stretches.
/// </summary>
sealed class StretchTable
{
    public const int MaxTasks = 64;
    const long Infinity = long.MaxValue / 4;

    long[] forward = [];
    long[] backward = [];
    Node[] byPosition = [];
    int stride;

    /// <summary>Whether the table matches the route (it is rebuilt on first use after a change).</summary>
    public bool Fresh { get; set; }

    /// <summary>
    /// Costs of serving positions i..j, indexed 2a + b: in order, from mode a of i to mode b of j; or reversed, from
    /// mode a of j back to mode b of i.
    /// </summary>
    public ReadOnlySpan<long> Cell(int i, int j, bool reversed) => (reversed ? backward : forward).AsSpan(Index(i, j), 4);

    int Index(int i, int j) => 4 * (i * stride + j);

    public void Build(TaskData data, RouteState route)
    {
        var m = route.Count;
        stride = m + 1;
        var size = 4 * stride * stride;
        if (forward.Length < size)
        {
            forward = new long[size];
            backward = new long[size];
        }
        if (byPosition.Length < stride)
            byPosition = new Node[2 * stride];
        for (var node = route.Start.Next; !node.IsDepot; node = node.Next)
            byPosition[node.Position] = node;
        for (var i = 1; i <= m; i++)
        {
            Single(forward, i, byPosition[i].Service);
            Single(backward, i, byPosition[i].Service);
        }
        for (var i = 1; i <= m; i++)
            for (var j = i + 1; j <= m; j++)
                Extend(data, forward, Index(i, j - 1), Index(i, j), byPosition[j - 1], byPosition[j]);
        for (var j = 1; j <= m; j++)
            for (var i = j - 1; i >= 1; i--)
                Extend(data, backward, Index(i + 1, j), Index(i, j), byPosition[i + 1], byPosition[i]);
        Fresh = true;
    }

    void Single(long[] table, int i, long service)
    {
        var at = Index(i, i);
        (table[at], table[at + 1], table[at + 2], table[at + 3]) = (service, Infinity, Infinity, service);
    }

    /// <summary>Cell <paramref name="to"/> is cell <paramref name="from"/> (ending at <paramref name="last"/>) followed by <paramref name="next"/>.</summary>
    static void Extend(TaskData data, long[] table, int from, int to, Node last, Node next)
    {
        long d00 = data.D(last.Tail0, next.Head0), d01 = data.D(last.Tail0, next.Head1);
        long d10 = data.D(last.Tail1, next.Head0), d11 = data.D(last.Tail1, next.Head1);
        for (var a = 0; a < 2; a++)
        {
            long via0 = table[from + 2 * a], via1 = table[from + 2 * a + 1];
            table[to + 2 * a] = Math.Min(via0 + d00, via1 + d10) + next.Service;
            table[to + 2 * a + 1] = Math.Min(via0 + d01, via1 + d11) + next.Service;
        }
    }
}
