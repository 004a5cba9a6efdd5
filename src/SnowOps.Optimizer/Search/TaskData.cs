using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SnowOps.Optimizer.Search;

/// <summary>
/// The problem flattened for the search. Every task has two modes: 0 drives it as given, 1 reversed. A task that cannot
/// be reversed gets two identical modes, so every dynamic program over modes treats arcs and edges alike.
/// </summary>
sealed class TaskData
{
    readonly int[] distances;
    readonly int vertexCount;
    readonly int[] heads;
    readonly int[] tails;

    public TaskData(ArcProblem problem)
    {
        distances = problem.Distances.Rows;
        vertexCount = problem.Distances.VertexCount;
        Count = problem.Tasks.Count;
        Depot = problem.Depot;
        Capacity = problem.Capacity;
        MaxRouteCost = problem.MaxRouteCost;
        heads = new int[2 * Count];
        tails = new int[2 * Count];
        Service = new long[Count];
        Demand = new long[Count];
        Reversible = new bool[Count];
        foreach (var task in problem.Tasks)
        {
            var t = task.Id;
            // A reversed edge is usable only if the depot reaches its far end and its near end gets back.
            Reversible[t] = task.EitherWay && problem.Distances.Reachable(Depot, task.To) && problem.Distances.Reachable(task.From, Depot);
            heads[2 * t] = task.From;
            tails[2 * t] = task.To;
            heads[2 * t + 1] = Reversible[t] ? task.To : task.From;
            tails[2 * t + 1] = Reversible[t] ? task.From : task.To;
            Service[t] = task.Cost;
            Demand[t] = task.Demand;
        }
    }

    public int Count { get; }

    public int Depot { get; }

    public long Capacity { get; }

    /// <summary>The shift limit on a route's cost; <see cref="long.MaxValue"/> when there is none.</summary>
    public long MaxRouteCost { get; }

    public bool HasRouteLimit => MaxRouteCost != long.MaxValue;

    public long[] Service { get; }

    public long[] Demand { get; }

    /// <summary>Whether mode 1 really reverses the task (false for one-way arcs).</summary>
    public bool[] Reversible { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Head(int task, int mode) => heads[2 * task + mode];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Tail(int task, int mode) => tails[2 * task + mode];

    /// <summary>Deadheading cost; unchecked indexing, since the search only asks for vertices of tasks and the depot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long D(int from, int to) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(distances), (nint)from * vertexCount + to);

    /// <summary>Cost of a route serving this task alone, in its better mode.</summary>
    public long Alone(int task) => Math.Min(
        D(Depot, Head(task, 0)) + Service[task] + D(Tail(task, 0), Depot),
        D(Depot, Head(task, 1)) + Service[task] + D(Tail(task, 1), Depot));

    /// <summary>Penalised excess of a route over capacity and shift, with the given weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Penalty(long load, long cost, in PenaltyWeights weights)
    {
        var penalty = 0.0;
        if (load > Capacity)
            penalty += weights.Load * (load - Capacity);
        if (cost > MaxRouteCost)
            penalty += weights.Duration * (cost - MaxRouteCost);
        return penalty;
    }

    public long ExcessLoad(long load) => Math.Max(0, load - Capacity);

    public long ExcessDuration(long cost) => Math.Max(0, cost - MaxRouteCost);
}
