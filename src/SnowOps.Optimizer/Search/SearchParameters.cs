namespace SnowOps.Optimizer.Search;

/// <summary>The genetic search's settings (values of Vidal's HGS, which work across CARP benchmark sets).</summary>
sealed record SearchParameters
{
    /// <summary>Subpopulation size after survivor selection.</summary>
    public int Mu { get; init; } = 25;

    /// <summary>Offspring added to a subpopulation before survivors are selected.</summary>
    public int Lambda { get; init; } = 40;

    /// <summary>Members whose diversity weighs less in the biased fitness.</summary>
    public int Elite { get; init; } = 4;

    /// <summary>Closest members averaged for a member's diversity.</summary>
    public int Close { get; init; } = 5;

    /// <summary>Γ: tasks in each granular neighbourhood.</summary>
    public int Granularity { get; init; } = 20;

    /// <summary>Share of local search outputs that should be feasible; penalties adapt towards it.</summary>
    public double TargetFeasible { get; init; } = 0.2;

    /// <summary>Generations without a better solution before the population is rebuilt.</summary>
    public int IterationsBeforeRestart { get; init; } = 20000;

    /// <summary>Generations between two penalty adjustments.</summary>
    public int PenaltyInterval { get; init; } = 100;

    /// <summary>Share of the initial population built from nearest-neighbour giant tours rather than random ones.</summary>
    public double NearestShare { get; init; } = 0.5;

    /// <summary>Share of the time limit a (re)initialisation of the population may take at most.</summary>
    public double InitialShare { get; init; } = 0.2;

    /// <summary>Whether the local search also tries SWAP* between related routes.</summary>
    public bool SwapStar { get; init; } = true;

    /// <summary>For tests: re-price every applied local search move from scratch and throw on a mismatch.</summary>
    public bool VerifyMoves { get; init; }
}
