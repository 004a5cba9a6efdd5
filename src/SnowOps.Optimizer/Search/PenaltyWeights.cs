namespace SnowOps.Optimizer.Search;

/// <summary>Price of one unit over capacity and one unit over the shift limit while the search explores infeasible routes.</summary>
readonly record struct PenaltyWeights(double Load, double Duration)
{
    public PenaltyWeights Times(double factor) => new(Load * factor, Duration * factor);
}
