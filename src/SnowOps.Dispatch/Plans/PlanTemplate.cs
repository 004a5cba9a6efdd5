using SnowOps.Contracts;

namespace SnowOps.Dispatch.Plans;

/// <summary>A city's snow plan for some hazards from some level up: what goes out in each phase, and the service targets.</summary>
public sealed class PlanTemplate
{
    public string Name { get; set; } = "";

    public List<Hazard> Hazards { get; set; } = [];

    /// <summary>The lowest level the plan answers; a higher plan for the same hazard wins.</summary>
    public AlertLevel MinLevel { get; set; } = AlertLevel.Blue;

    /// <summary>Activate without waiting for a dispatcher from this level up (e.g. Red); null: a dispatcher always decides.</summary>
    public AlertLevel? AutoActivateAt { get; set; }

    /// <summary>City zones the plan covers (it answers only warnings for one of them); empty means the whole city.</summary>
    public List<string> Zones { get; set; } = [];

    /// <summary>Ask Routing for plow routes over these priority classes; none means no plowing.</summary>
    public List<string> PlowPriorityClasses { get; set; } = [];

    /// <summary>How many plow vehicles the plan puts on the roads.</summary>
    public int PlowVehicles { get; set; }

    /// <summary>Hours from activation until a plow route is due.</summary>
    public double PlowDueHours { get; set; } = 8;

    /// <summary>
    /// Crews (by crew id, or by the vehicle they drive) called in when the plan is activated: a crew not on duty gets a
    /// shift from the activation for <see cref="StandbyHours"/>, so the plan's work can go to it.
    /// </summary>
    public List<string> Standby { get; set; } = [];

    public double StandbyHours { get; set; } = 12;

    /// <summary>Notify the street-front shops along each plow route to clear their frontage, and check compliance after the snow.</summary>
    public bool FrontageNotices { get; set; }

    /// <summary>Areas where snow is kept on purpose (parks, scenic spots): not plowed, except the classes in <see cref="KeptSnowServedClasses"/>.</summary>
    public List<KeptSnowArea> KeptSnowAreas { get; set; } = [];

    /// <summary>Priority classes still plowed inside kept-snow areas: the paths safety needs.</summary>
    public List<string> KeptSnowServedClasses { get; set; } = ["P1"];

    /// <summary>What heating companies are asked to do; null when the plan has no heating part.</summary>
    public HeatingActions? Heating { get; set; }

    /// <summary>Minutes a crew has to accept a task before it is sent again.</summary>
    public double AcceptWithinMinutes { get; set; } = 10;

    /// <summary>How many times an unanswered task is sent again before the duty dispatcher gets it.</summary>
    public int Resends { get; set; } = 1;

    public List<TaskTemplate> Tasks { get; set; } = [];

    public List<ServiceTarget> ServiceTargets { get; set; } = [];
}

/// <summary>When a task template's work goes out, and what its due time counts from.</summary>
public enum PlanMoment
{
    /// <summary>When the event is activated (the prepare phase begins).</summary>
    Activation = 0,
    /// <summary>When the snow starts (the alert's onset, or the dispatcher moving the event to clear).</summary>
    Onset,
    /// <summary>When the snow stopped (a dispatcher's mark or the alert's end; the restore phase begins).</summary>
    SnowfallEnd,
}

/// <summary>One piece of work a plan sends out.</summary>
public sealed class TaskTemplate
{
    public TaskKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>How many crews get this task (e.g. one de-icing task per spreader crew).</summary>
    public int Count { get; set; } = 1;

    /// <summary>The phase whose start sends the task out: Prepare (on activation), Clear or Restore.</summary>
    public SnowPhase Phase { get; set; } = SnowPhase.Prepare;

    /// <summary>What <see cref="DueHours"/> counts from; negative hours mean before it (brine before the onset).</summary>
    public PlanMoment DueFrom { get; set; } = PlanMoment.Activation;

    public double DueHours { get; set; } = 4;

    /// <summary>The zone the task is for, when crews work by zone.</summary>
    public string? Zone { get; set; }
}

/// <summary>A promise to the public, e.g. "all P1 clear within 8 h of snowfall end".</summary>
public sealed class ServiceTarget
{
    public string Name { get; set; } = "";

    /// <summary>The kinds of task counted; empty means plow routes.</summary>
    public List<TaskKind> Kinds { get; set; } = [];

    /// <summary>Only route tasks of this priority class count; null counts all.</summary>
    public string? PriorityClass { get; set; }

    /// <summary>Started: passable (a first pass is under way or done); Completed: clear.</summary>
    public TargetMeasure Measure { get; set; } = TargetMeasure.Completed;

    /// <summary>Share of the counted tasks that must reach the measure, in percent.</summary>
    public double SharePercent { get; set; } = 100;

    public PlanMoment From { get; set; } = PlanMoment.SnowfallEnd;

    public double Hours { get; set; }

    /// <summary>How long before the deadline a target not yet met raises an at-risk alert.</summary>
    public double WarnMinutes { get; set; } = 30;
}

public enum TargetMeasure
{
    Started = 0,
    Completed,
}

public sealed class KeptSnowArea
{
    public string Name { get; set; } = "";

    /// <summary>The area as a WKT polygon in WGS 84 (lon lat).</summary>
    public string AreaWkt { get; set; } = "";
}

/// <summary>The heating part of a plan: raise the supply temperature and check indoor temperature more often.</summary>
public sealed class HeatingActions
{
    public double RaiseSupplyCelsius { get; set; }

    public double CheckEveryHours { get; set; } = 24;

    /// <summary>Which compounds are checked first, e.g. "old", "cold-area", "complaints".</summary>
    public List<string> FirstCompounds { get; set; } = [];

    public List<string> Notes { get; set; } = [];
}

/// <summary>Settings under <c>SnowOps:Dispatch</c>: the plans and the roster a city starts from.</summary>
public sealed class DispatchOptions
{
    public List<PlanTemplate> Plans { get; set; } = [];

    public List<CrewDefinition> Crews { get; set; } = [];

    /// <summary>How often the dispatch clock looks for unanswered tasks, due phases and service targets.</summary>
    public double ClockSeconds { get; set; } = 30;

    /// <summary>Minutes a crew has to accept standing work (outside any snow event, so without a plan) before it is sent again.</summary>
    public double StandingAcceptWithinMinutes { get; set; } = 10;

    /// <summary>How many times unanswered standing work is sent again before the duty dispatcher gets it.</summary>
    public int StandingResends { get; set; } = 1;
}

/// <summary>A crew on the roster as configured; the crew API changes the roster after start.</summary>
public sealed class CrewDefinition
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The kinds of task this crew takes; empty means any.</summary>
    public List<TaskKind> Kinds { get; set; } = [];

    /// <summary>The zone the crew works, if it works one.</summary>
    public string? Zone { get; set; }

    /// <summary>The vehicle the crew drives (Routing's vehicle id, e.g. "plow-1").</summary>
    public string? VehicleId { get; set; }

    /// <summary>On duty at all times (a standing crew); otherwise only during its shifts.</summary>
    public bool AlwaysOnDuty { get; set; }
}
