namespace SnowOps.Optimizer;

/// <summary>
/// A capacitated arc routing problem on a mixed graph: every task is a street (or pass of a street) that must be
/// served once, by one route that starts and ends at the depot. Deadheading follows <see cref="Distances"/>.
/// </summary>
/// <param name="Distances">Shortest deadheading cost between any two vertices, direction respected.</param>
/// <param name="Tasks">The work to serve; <see cref="ServiceTask.Id"/> is its index in this list.</param>
/// <param name="Depot">Vertex every route starts and ends at.</param>
/// <param name="Capacity">Largest total demand one route may serve (de-icer in a spreader, or unlimited).</param>
/// <param name="MaxRouteCost">Largest cost of one route, deadheading included (a shift), or unlimited.</param>
public sealed record ArcProblem(
    DistanceMatrix Distances,
    IReadOnlyList<ServiceTask> Tasks,
    int Depot,
    long Capacity,
    long MaxRouteCost = long.MaxValue)
{
    public string Name { get; init; } = "";

    public long TotalDemand => Tasks.Sum(t => t.Demand);

    /// <summary>Throws when the problem cannot be solved at all (a task out of reach or heavier than a truck).</summary>
    public void EnsureSolvable()
    {
        if (Depot < 0 || Depot >= Distances.VertexCount)
            throw new ArgumentException($"The depot {Depot} is not a vertex of the network.");
        foreach (var task in Tasks)
        {
            if (task.Demand > Capacity)
                throw new ArgumentException($"Task {task.Id} needs {task.Demand}, more than a vehicle carries ({Capacity}).");
            if (!Distances.Reachable(Depot, task.From) || !Distances.Reachable(task.To, Depot))
                throw new ArgumentException($"Task {task.Id} ({task.From}→{task.To}) cannot be reached from the depot and back.");
            if (AloneCost(task) > MaxRouteCost)
                throw new ArgumentException($"Task {task.Id} ({task.From}→{task.To}) cannot be served within one shift ({MaxRouteCost}) even alone.");
        }
    }

    /// <summary>Cost of a route from the depot that serves this task alone, in its better direction.</summary>
    long AloneCost(ServiceTask task)
    {
        var d = Distances;
        var forward = (long)d[Depot, task.From] + task.Cost + d[task.To, Depot];
        if (!task.EitherWay || !d.Reachable(Depot, task.To) || !d.Reachable(task.From, Depot))
            return forward;
        return Math.Min(forward, (long)d[Depot, task.To] + task.Cost + d[task.From, Depot]);
    }
}

/// <summary>A street to serve once.</summary>
/// <param name="Id">Index of the task in its problem.</param>
/// <param name="From">Vertex the street starts at when driven the way it is given.</param>
/// <param name="To">Vertex it ends at.</param>
/// <param name="Cost">Cost of driving it while serving (length or time).</param>
/// <param name="Demand">What serving it takes from the vehicle's capacity.</param>
/// <param name="EitherWay">An edge, served in either direction; false for a one-way arc.</param>
/// <param name="Priority">1 is served first; larger numbers later. <see cref="ArcSolver"/> ignores it: the planner
/// solves each priority class as a problem of its own.</param>
public sealed record ServiceTask(int Id, int From, int To, int Cost, int Demand, bool EitherWay, int Priority = 1);
