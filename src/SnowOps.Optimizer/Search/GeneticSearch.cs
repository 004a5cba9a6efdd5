namespace SnowOps.Optimizer.Search;

/// <summary>
/// Hybrid genetic search for the CARP on mixed graphs, after Vidal (2017) HGS-CARP: ordered crossover of giant tours,
/// Split with mode choice, granular local search with penalised capacity and shift excess, a repair pass for half of
/// the infeasible offspring, and a population managed by biased fitness (cost and diversity).
/// </summary>
sealed class GeneticSearch
{
    readonly ArcProblem problem;
    readonly SolverOptions options;
    readonly StopCondition stop;
    readonly SearchParameters parameters;
    readonly TaskData data;
    readonly Random random;
    readonly Split split;
    readonly Crossover crossover;
    readonly LocalSearch localSearch;
    readonly NearestTour nearestTour;
    readonly Population population;
    readonly Individual offspring;
    long iteration;
    long reported = long.MaxValue;

    public GeneticSearch(ArcProblem problem, SolverOptions options, StopCondition stop, SearchParameters parameters)
    {
        this.problem = problem;
        this.options = options;
        this.stop = stop;
        this.parameters = parameters;
        data = new TaskData(problem);
        random = new Random(options.Seed);
        split = new Split(data);
        crossover = new Crossover(data.Count);
        var neighbours = Neighbourhoods.Build(data, parameters.Granularity);
        nearestTour = new NearestTour(data, neighbours);
        localSearch = new LocalSearch(data, neighbours, random, stop)
        {
            Verify = parameters.VerifyMoves,
            UseSwapStar = parameters.SwapStar,
        };
        population = new Population(parameters, random, InitialWeights(data), data.Count);
        offspring = new Individual(data.Count);
    }

    public ArcSolution Run()
    {
        Seed();
        Initialise();
        var stalled = 0;
        while (!Finished())
        {
            iteration++;
            crossover.Run(offspring, population.Tournament(), population.Tournament(), random);
            split.Run(offspring, population.Weights);
            var improved = Improve(offspring, counts: true);
            stalled = improved ? 0 : stalled + 1;
            if (iteration % parameters.PenaltyInterval == 0)
                population.AdjustPenalties();
            if (stalled >= parameters.IterationsBeforeRestart)
            {
                population.Restart();
                Initialise();
                stalled = 0;
            }
        }
        return Solution(population.Best);
    }

    bool Finished() => stop.Reached || iteration >= (options.MaxIterations ?? long.MaxValue) || data.Count < 2;

    /// <summary>Local search, then (for half of the infeasible results) a repair pass under ten times the penalties.</summary>
    bool Improve(Individual individual, bool counts)
    {
        localSearch.Run(individual, population.Weights);
        var best = population.Add(individual, counts);
        if (!individual.Feasible && random.Next(2) == 0)
        {
            localSearch.Run(individual, population.Weights.Times(10));
            if (individual.Feasible)
                best |= population.Add(individual, false);
        }
        Report();
        return best;
    }

    /// <summary>
    /// The path-scanning solutions start the population, so a feasible solution exists from the first moment; should none
    /// be feasible, one route per task is (the problem was checked solvable).
    /// </summary>
    void Seed()
    {
        var constructed = Enum.GetValues<PathScanning.Rule>()
            .Select(rule => PathScanning.Build(problem, rule).Routes.Select(r => r.Visits.Select(v => v.Task).ToArray()).ToList())
            .ToList();
        foreach (var routes in constructed)
        {
            Load(offspring, routes);
            population.Add(offspring, false);
        }
        if (!population.HasBest)
        {
            Load(offspring, Enumerable.Range(0, data.Count).Select(t => new[] { t }));
            population.Add(offspring, false);
        }
        Report();
        foreach (var routes in constructed)
        {
            if (stop.Reached)
                return;
            Load(offspring, routes);
            Improve(offspring, counts: false);
        }
    }

    /// <summary>
    /// Giant tours, split and improved, up to four times the subpopulation size: random, or nearest-neighbour. On a
    /// large network each takes long, so the generations start anyway once a fifth of the time is gone.
    /// </summary>
    void Initialise()
    {
        var deadline = stop.Elapsed.TotalSeconds / options.TimeLimit.TotalSeconds + parameters.InitialShare;
        // Bounded by generations, the search must not depend on the clock, so the first population is then built in full.
        var timed = options.MaxIterations is null;
        for (var i = 0; i < 4 * parameters.Mu && !stop.Reached && !(timed && population.Count >= 2 && stop.Spent(deadline)); i++)
        {
            if (random.NextDouble() < parameters.NearestShare)
                nearestTour.Build(offspring.Tour, random);
            else
            {
                for (var t = 0; t < data.Count; t++)
                    offspring.Tour[t] = t;
                random.Shuffle(offspring.Tour);
            }
            split.Run(offspring, population.Weights);
            Improve(offspring, counts: true);
        }
    }

    void Load(Individual individual, IEnumerable<IEnumerable<int>> routes)
    {
        int r = 0, i = 0;
        foreach (var route in routes)
        {
            individual.RouteStarts[r++] = i;
            foreach (var task in route)
                individual.Tour[i++] = task;
        }
        individual.RouteStarts[r] = i;
        individual.RouteCount = r;
        individual.Measure(data, population.Weights);
    }

    void Report()
    {
        if (!population.HasBest || population.Best.Cost >= reported)
            return;
        reported = population.Best.Cost;
        options.Progress?.Report(new SolverProgress(stop.Elapsed, iteration, reported));
    }

    ArcSolution Solution(Individual individual)
    {
        var routes = new List<IReadOnlyList<Visit>>();
        var modes = new byte[data.Count];
        for (var r = 0; r < individual.RouteCount; r++)
        {
            var tasks = individual.Route(r);
            RouteModes.Choose(data, tasks, modes);
            var visits = new Visit[tasks.Length];
            for (var i = 0; i < tasks.Length; i++)
                visits[i] = new Visit(tasks[i], modes[i] == 1 && data.Reversible[tasks[i]]);
            routes.Add(visits);
        }
        return ArcSolution.From(problem, routes);
    }

    /// <summary>Starting weights of Vidal's HGS: a unit of excess load costs about a long deadhead per unit of demand.</summary>
    static PenaltyWeights InitialWeights(TaskData data)
    {
        long far = 0, heaviest = 1;
        for (var t = 0; t < data.Count; t++)
        {
            far = Math.Max(far, data.Alone(t));
            heaviest = Math.Max(heaviest, data.Demand[t]);
        }
        return new PenaltyWeights(Math.Clamp((double)far / heaviest, 0.1, 1000), 1);
    }
}
