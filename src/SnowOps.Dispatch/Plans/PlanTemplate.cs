using SnowOps.Contracts;

namespace SnowOps.Dispatch.Plans;

/// <summary>A city's snow plan for some hazards from some level up: what work goes out when it is activated.</summary>
public sealed class PlanTemplate
{
    public string Name { get; set; } = "";

    public List<Hazard> Hazards { get; set; } = [];

    /// <summary>The lowest level the plan answers; a higher plan for the same hazard wins.</summary>
    public AlertLevel MinLevel { get; set; } = AlertLevel.Blue;

    /// <summary>Ask Routing for plow routes over these priority classes; none means no plowing.</summary>
    public List<string> PlowPriorityClasses { get; set; } = [];

    /// <summary>How many plow vehicles the plan puts on the roads.</summary>
    public int PlowVehicles { get; set; }

    /// <summary>Hours from activation until a plow route is due.</summary>
    public double PlowDueHours { get; set; } = 8;

    public List<TaskTemplate> Tasks { get; set; } = [];
}

/// <summary>One piece of work a plan sends out on activation.</summary>
public sealed class TaskTemplate
{
    public TaskKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>How many crews get this task (e.g. one de-icing task per spreader crew).</summary>
    public int Count { get; set; } = 1;

    /// <summary>Hours from activation until the task is due.</summary>
    public double DueHours { get; set; } = 4;
}

/// <summary>Settings under <c>SnowOps:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    public List<PlanTemplate> Plans { get; set; } = [];

    public List<CrewDefinition> Crews { get; set; } = [];

    /// <summary>The plan for a hazard and level: the matching plan with the highest MinLevel, or none.</summary>
    public PlanTemplate? PlanFor(Hazard hazard, AlertLevel level) =>
        Plans.Where(p => p.Hazards.Contains(hazard) && level >= p.MinLevel)
            .OrderByDescending(p => p.MinLevel)
            .FirstOrDefault();

    public PlanTemplate? PlanNamed(string name) => Plans.FirstOrDefault(p => p.Name == name);
}

/// <summary>A crew on the roster, from configuration until the crew API arrives.</summary>
public sealed class CrewDefinition
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The kinds of task this crew takes; empty means any.</summary>
    public List<TaskKind> Kinds { get; set; } = [];
}
