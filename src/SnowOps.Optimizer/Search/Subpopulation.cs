namespace SnowOps.Optimizer.Search;

/// <summary>
/// The feasible or the infeasible half of the population, sorted by penalised cost, with the broken-pairs distances
/// between its members kept up to date for the biased fitness (Vidal et al. 2012).
/// </summary>
sealed class Subpopulation(SearchParameters parameters, Stack<Individual> pool)
{
    readonly List<Individual> members = [];
    readonly List<(double Diversity, int Index)> ranking = [];

    public int Count => members.Count;

    public Individual this[int index] => members[index];

    /// <summary>Adds a copy of <paramref name="individual"/>; survivors are selected when the subpopulation is full.</summary>
    public void Add(Individual individual)
    {
        var copy = pool.Count > 0 ? pool.Pop() : new Individual(individual.Tour.Length);
        copy.CopyFrom(individual);
        foreach (var other in members)
        {
            var distance = Individual.Distance(copy, other);
            Insert(other.Near, distance, copy);
            Insert(copy.Near, distance, other);
        }
        var place = members.Count;
        while (place > 0 && members[place - 1].Penalized > copy.Penalized)
            place--;
        members.Insert(place, copy);
        if (members.Count > parameters.Mu + parameters.Lambda)
            while (members.Count > parameters.Mu)
                RemoveWorst();
    }

    /// <summary>Biased fitness: rank by cost, plus rank by distance to the closest others (weighted down for elites).</summary>
    public void UpdateFitness()
    {
        var n = members.Count;
        if (n == 1)
        {
            members[0].Fitness = 0;
            return;
        }
        ranking.Clear();
        for (var i = 0; i < n; i++)
            ranking.Add((-members[i].MeanDistanceToClosest(parameters.Close), i));
        ranking.Sort();
        var diversityWeight = n <= parameters.Elite ? 0 : 1.0 - (double)parameters.Elite / n;
        for (var rank = 0; rank < n; rank++)
        {
            var (_, index) = ranking[rank];
            var costRank = (double)index / (n - 1);
            members[index].Fitness = costRank + diversityWeight * rank / (n - 1);
        }
    }

    /// <summary>Re-prices every member after a change of penalty weights.</summary>
    public void Reevaluate(in PenaltyWeights weights)
    {
        foreach (var member in members)
            member.Evaluate(weights);
        members.Sort((a, b) => a.Penalized.CompareTo(b.Penalized));
    }

    public void Clear()
    {
        foreach (var member in members)
            pool.Push(member);
        members.Clear();
    }

    /// <summary>Removes a clone if there is one, else the worst biased fitness; never the best member.</summary>
    void RemoveWorst()
    {
        UpdateFitness();
        var worst = 1;
        var worstIsClone = false;
        var worstFitness = double.NegativeInfinity;
        for (var i = 1; i < members.Count; i++)
        {
            var isClone = members[i].Near.Count > 0 && members[i].Near[0].Distance < 1e-9;
            if ((isClone && !worstIsClone) || (isClone == worstIsClone && members[i].Fitness > worstFitness))
                (worst, worstIsClone, worstFitness) = (i, isClone, members[i].Fitness);
        }
        var removed = members[worst];
        members.RemoveAt(worst);
        foreach (var other in members)
        {
            var near = other.Near;
            for (var k = 0; k < near.Count; k++)
            {
                if (near[k].Other == removed)
                {
                    near.RemoveAt(k);
                    break;
                }
            }
        }
        pool.Push(removed);
    }

    static void Insert(List<(double Distance, Individual Other)> near, double distance, Individual other)
    {
        var place = near.Count;
        while (place > 0 && near[place - 1].Distance > distance)
            place--;
        near.Insert(place, (distance, other));
    }
}
