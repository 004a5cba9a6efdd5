namespace SnowOps.Optimizer.Search;

/// <summary>
/// Feasible and infeasible subpopulations, the adaptive penalty weights, and the best feasible solution found so far.
/// </summary>
sealed class Population
{
    readonly SearchParameters parameters;
    readonly Random random;
    readonly Stack<Individual> pool = new();
    readonly Subpopulation feasible;
    readonly Subpopulation infeasible;
    readonly Queue<bool> loadFeasible = new();
    readonly Queue<bool> durationFeasible = new();
    double bestOfRestart = double.PositiveInfinity;

    public Population(SearchParameters parameters, Random random, PenaltyWeights initial, int taskCount)
    {
        this.parameters = parameters;
        this.random = random;
        feasible = new Subpopulation(parameters, pool);
        infeasible = new Subpopulation(parameters, pool);
        Weights = initial;
        Best = new Individual(taskCount);
    }

    public PenaltyWeights Weights { get; private set; }

    /// <summary>The best feasible solution ever added (valid once <see cref="HasBest"/>).</summary>
    public Individual Best { get; }

    public bool HasBest { get; private set; }

    public int Count => feasible.Count + infeasible.Count;

    /// <summary>
    /// Adds a copy of a local search output; <paramref name="counts"/> says whether it counts towards the share of
    /// feasible outputs that drives the penalties. Returns whether it is the best solution since the last restart.
    /// </summary>
    public bool Add(Individual individual, bool counts)
    {
        if (counts)
        {
            Record(loadFeasible, individual.ExcessLoad == 0);
            Record(durationFeasible, individual.ExcessDuration == 0);
        }
        (individual.Feasible ? feasible : infeasible).Add(individual);
        if (!individual.Feasible || individual.Cost >= bestOfRestart)
            return false;
        bestOfRestart = individual.Cost;
        if (!HasBest || individual.Cost < Best.Cost)
        {
            Best.CopyFrom(individual);
            HasBest = true;
        }
        return true;
    }

    /// <summary>The fitter of two members drawn at random from both subpopulations.</summary>
    public Individual Tournament()
    {
        feasible.UpdateFitness();
        infeasible.UpdateFitness();
        var first = Draw();
        var second = Draw();
        return first.Fitness < second.Fitness ? first : second;
    }

    /// <summary>Raises or lowers each penalty weight so that about the target share of outputs is feasible.</summary>
    public void AdjustPenalties()
    {
        var load = Adjust(Weights.Load, loadFeasible);
        var duration = Adjust(Weights.Duration, durationFeasible);
        Weights = new PenaltyWeights(load, duration);
        infeasible.Reevaluate(Weights);
    }

    /// <summary>Empties both subpopulations, keeping the best solution found.</summary>
    public void Restart()
    {
        feasible.Clear();
        infeasible.Clear();
        bestOfRestart = double.PositiveInfinity;
    }

    Individual Draw()
    {
        var place = random.Next(Count);
        return place < feasible.Count ? feasible[place] : infeasible[place - feasible.Count];
    }

    /// <summary>
    /// Vidal's rule (×1.2 below the target band, ×0.85 above) near the target, but steeper far from it, so a poor
    /// starting weight is corrected within a few hundred generations.
    /// </summary>
    double Adjust(double weight, Queue<bool> history)
    {
        if (history.Count == 0)
            return weight;
        var share = (double)history.Count(f => f) / history.Count;
        if (Math.Abs(share - parameters.TargetFeasible) <= 0.05)
            return weight;
        var factor = Math.Clamp(Math.Exp(1.5 * (parameters.TargetFeasible - share)), 0.3, 3);
        return Math.Clamp(weight * factor, 0.1, 100_000);
    }

    void Record(Queue<bool> history, bool value)
    {
        history.Enqueue(value);
        if (history.Count > parameters.PenaltyInterval)
            history.Dequeue();
    }
}
