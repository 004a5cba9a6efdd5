using SnowOps.Routing.Planning.Graph;

namespace SnowOps.Routing.Planning;

/// <summary>Turns a vehicle's sequence of services into streets driven: the deadhead between services follows shortest paths.</summary>
public sealed class StepBuilder(RoadGraph graph, Crew crew)
{
    readonly Dijkstra _search = new(graph, crew.Travel);
    readonly List<PlanStep> _steps = [];
    int _at;
    int _clock;

    public StepBuilder Start(int vertex, int clock)
    {
        _at = vertex;
        _clock = clock;
        return this;
    }

    public int Clock => _clock;
    public int At => _at;

    public StepBuilder DriveTo(int vertex)
    {
        if (vertex == _at)
            return this;
        var path = _search.Path(_at, vertex) ?? throw new InvalidOperationException($"No path from vertex {_at} to {vertex}.");
        foreach (var (segment, reversed) in path)
            Add(segment, reversed, service: false, pass: 0, crew.Travel[segment], 0);
        _at = vertex;
        return this;
    }

    public StepBuilder Serve(Service service)
    {
        DriveTo(service.Start);
        Add(service.Item.Segment, service.AgainstSegment, service: true, service.Item.Pass, crew.Serve[service.Item.Segment], service.Item.DeIcerKg);
        _at = service.End;
        return this;
    }

    void Add(int segment, bool reversed, bool service, int pass, int seconds, double deIcerKg)
    {
        var road = graph.Segments[segment];
        _steps.Add(new PlanStep(road.Id, reversed, service, road.PriorityClass, pass, _clock, _clock + seconds, road.LengthMeters, deIcerKg));
        _clock += seconds;
    }

    public List<PlanStep> Steps => _steps;
}
