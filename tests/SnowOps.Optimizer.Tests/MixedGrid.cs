namespace SnowOps.Optimizer.Tests;

/// <summary>
/// A small town on a grid, built by hand: two-way avenues (edges served in either direction), one-way streets of
/// alternating direction (arcs), and some two-way streets whose sides are served as two separate arcs.
/// </summary>
static class MixedGrid
{
    public static ArcProblem Build(int width, int height, long capacity, long maxRouteCost = long.MaxValue, int seed = 7)
    {
        var random = new Random(seed);
        var arcs = new List<(int From, int To, int Cost)>();
        var tasks = new List<ServiceTask>();
        int Vertex(int x, int y) => y * width + x;
        void Street(int a, int b, bool avenue, bool sides, bool forward)
        {
            var cost = random.Next(2, 9);
            var demand = random.Next(1, 6);
            if (avenue || sides)
            {
                arcs.Add((a, b, cost));
                arcs.Add((b, a, cost));
                if (avenue)
                    tasks.Add(new ServiceTask(tasks.Count, a, b, cost, demand, EitherWay: true));
                else
                {
                    tasks.Add(new ServiceTask(tasks.Count, a, b, cost, demand, EitherWay: false));
                    tasks.Add(new ServiceTask(tasks.Count, b, a, cost, demand, EitherWay: false));
                }
                return;
            }
            var (from, to) = forward ? (a, b) : (b, a);
            arcs.Add((from, to, cost));
            tasks.Add(new ServiceTask(tasks.Count, from, to, cost, demand, EitherWay: false));
        }
        for (var y = 0; y < height; y++)
            for (var x = 0; x + 1 < width; x++)
                Street(Vertex(x, y), Vertex(x + 1, y), avenue: y % 2 == 0, sides: y % 2 == 1 && x % 3 == 0, forward: y % 4 == 1);
        for (var x = 0; x < width; x++)
            for (var y = 0; y + 1 < height; y++)
                Street(Vertex(x, y), Vertex(x, y + 1), avenue: x == 0 || x == width - 1, sides: false, forward: x % 2 == 0);
        var distances = DistanceMatrix.Build(width * height, arcs);
        return new ArcProblem(distances, tasks, Depot: Vertex(width / 2, height / 2), capacity, maxRouteCost) { Name = "grid" };
    }
}
