namespace SnowOps.Routing.Fleet;

/// <summary>How the plan is searched for, under <c>SnowOps:Routing:Planner</c>.</summary>
public sealed class PlannerOptions
{
    /// <summary>Time for the whole optimisation of a plan, shared among classes and sectors by their number of tasks.</summary>
    public double TimeLimitSeconds { get; set; } = 5;

    /// <summary>Time for improving a re-plan.</summary>
    public double ReplanSeconds { get; set; } = 2;

    /// <summary>Past this many tasks the work is cut into geographic sectors, each solved with distances among its own vertices.</summary>
    public int MaxSectorTasks { get; set; } = 700;

    public int Seed { get; set; } = 1;

    /// <summary>
    /// Generations of the optimizer per class and sector, on top of the time limit. Unset, a plan is the best found in
    /// the time; set, the same network, fleet and seed always give the same plan (the time limit still caps it).
    /// </summary>
    public long? MaxIterations { get; set; }
}
