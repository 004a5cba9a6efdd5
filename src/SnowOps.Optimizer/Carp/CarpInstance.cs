namespace SnowOps.Optimizer.Carp;

/// <summary>An edge of a classic CARP file; vertex ids are the file's, 1-based.</summary>
public sealed record CarpEdge(int U, int V, int Cost, int Demand, bool Required);

/// <summary>A classic (undirected) CARP instance as read from a CARPLIB <c>.dat</c> file.</summary>
public sealed record CarpInstance(string Name, int Vertices, int Depot, int Capacity, int Vehicles, IReadOnlyList<CarpEdge> Edges)
{
    public IEnumerable<CarpEdge> Required => Edges.Where(e => e.Required);

    /// <summary>
    /// The instance as an <see cref="ArcProblem"/>: vertices become 0-based, every required edge a task served either way,
    /// in the file's order, so task <c>i</c> is the <c>i</c>-th required edge.
    /// </summary>
    public ArcProblem ToProblem()
    {
        var arcs = Edges.SelectMany(e => new[] { (e.U - 1, e.V - 1, e.Cost), (e.V - 1, e.U - 1, e.Cost) });
        var distances = DistanceMatrix.Build(Vertices, arcs);
        var tasks = Required.Select((e, i) => new ServiceTask(i, e.U - 1, e.V - 1, e.Cost, e.Demand, EitherWay: true)).ToList();
        return new ArcProblem(distances, tasks, Depot - 1, Capacity) { Name = Name };
    }
}
