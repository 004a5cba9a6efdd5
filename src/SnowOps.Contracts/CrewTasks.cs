namespace SnowOps.Contracts;

/// <summary>Every kind of crew work has the same task model.</summary>
public enum TaskKind
{
    /// <summary>Plow a route.</summary>
    PlowRoute = 0,
    /// <summary>Spread de-icer or brine on bridges, ramps and slopes.</summary>
    DeIcing,
    /// <summary>Notify street-front shops to clear their frontage (门前三包) and check compliance.</summary>
    FrontageNotice,
    /// <summary>Check indoor temperature in a residential compound.</summary>
    TemperatureCheck,
    /// <summary>Repair heating where a check found a deficiency.</summary>
    HeatingRepair,
}

/// <summary>The states a task moves through.</summary>
public enum TaskState
{
    /// <summary>Sent to a crew, not yet answered.</summary>
    Assigned = 0,
    /// <summary>The crew accepted it.</summary>
    Accepted,
    /// <summary>The crew started the work.</summary>
    Started,
    /// <summary>The work is done.</summary>
    Completed,
    /// <summary>The crew declined it.</summary>
    Declined,
    /// <summary>Nobody answered in time; the duty dispatcher has it.</summary>
    Escalated,
    /// <summary>The dispatcher cancelled it.</summary>
    Cancelled,
}

/// <summary>A task was created and given to a crew.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="SnowEventId">The snow event it belongs to.</param>
/// <param name="Kind">What kind of work.</param>
/// <param name="Title">What to do, in a line.</param>
/// <param name="CrewId">The crew it is assigned to; null while it waits in the unassigned pool.</param>
/// <param name="GeometryWkt">Where, as WKT in WGS 84, if the task has a place.</param>
/// <param name="LengthMeters">Length of the streets, for route tasks.</param>
/// <param name="Assigned">When it was assigned.</param>
/// <param name="Due">When it should be done, from the plan's service targets.</param>
/// <param name="Sent">1 for the first time this crew is sent the task; 2, 3, … when it is sent again because nobody answered.</param>
/// <param name="PriorityClass">The road priority class of a route task, e.g. "P1".</param>
/// <param name="SourceKey">What the task was made from, unique within its snow event: "plan:…", "route:…", "notice:…", or
/// "request:" followed by the key of a <see cref="CrewTaskRequested"/>, so a requester can tell which task answers its request.</param>
/// <param name="SubjectId">What the task is about, as the requester named it in <see cref="CrewTaskRequested.SubjectId"/>, e.g. the
/// compound id of a temperature check; null when the title says it all.</param>
/// <remarks>
/// <paramref name="SnowEventId"/> is <see cref="Guid.Empty"/> for standing work outside any snow event. A task given to another
/// crew (declined, reassigned) is announced again with the new <paramref name="CrewId"/>.
/// </remarks>
public sealed record TaskAssigned(
    Guid TaskId,
    Guid SnowEventId,
    TaskKind Kind,
    string Title,
    string? CrewId,
    string? GeometryWkt,
    double? LengthMeters,
    DateTimeOffset Assigned,
    DateTimeOffset? Due,
    int Sent = 1,
    string? PriorityClass = null,
    string? SourceKey = null,
    string? SubjectId = null);

/// <summary>A crew accepted a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Accepted">When.</param>
public sealed record TaskAccepted(Guid TaskId, string CrewId, DateTimeOffset Accepted);

/// <summary>A crew declined a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Reason">Why, in the crew's words.</param>
/// <param name="Declined">When.</param>
public sealed record TaskDeclined(Guid TaskId, string CrewId, string Reason, DateTimeOffset Declined);

/// <summary>A crew started a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Started">When.</param>
public sealed record TaskStarted(Guid TaskId, string CrewId, DateTimeOffset Started);

/// <summary>A crew reported progress on a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Latitude">Last known latitude, WGS 84.</param>
/// <param name="Longitude">Last known longitude, WGS 84.</param>
/// <param name="PercentDone">Share of the work done, 0 to 100.</param>
/// <param name="Reported">When.</param>
/// <param name="SegmentsDone">Road segments of the route served so far, for route tasks.</param>
public sealed record TaskProgressReported(
    Guid TaskId, string CrewId, double? Latitude, double? Longitude, double? PercentDone, DateTimeOffset Reported, int? SegmentsDone = null);

/// <summary>A crew finished a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="CrewId">The crew.</param>
/// <param name="Completed">When.</param>
/// <param name="Note">What the crew added, if anything.</param>
public sealed record TaskCompleted(Guid TaskId, string CrewId, DateTimeOffset Completed, string? Note);

/// <summary>A task went to the duty dispatcher because nobody acted on it in time.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Reason">Why it was escalated.</param>
/// <param name="Escalated">When.</param>
public sealed record TaskEscalated(Guid TaskId, string Reason, DateTimeOffset Escalated);

/// <summary>Dispatch's record of a task changed state: the authoritative outcome of crew messages.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="SnowEventId">The snow event it belongs to.</param>
/// <param name="State">The state it is in now.</param>
/// <param name="CrewId">The crew holding it.</param>
/// <param name="Changed">When the change happened.</param>
/// <param name="Reason">Why, for declines, escalations and cancellations.</param>
/// <param name="By">Who made the change: the crew, a dispatcher, or "system".</param>
public sealed record TaskStateChanged(
    Guid TaskId, Guid SnowEventId, TaskState State, string? CrewId, DateTimeOffset Changed, string? Reason = null, string? By = null);

/// <summary>
/// State changes Dispatch made together, from one batch of crews' reports, in the order it made them: in a storm one
/// message for up to a few hundred completions instead of one each. Every consumer of <see cref="TaskStateChanged"/>
/// applies each of them as it applies that message; changes of one task keep their order here.
/// </summary>
/// <param name="Changes">The changes, oldest first; never empty.</param>
public sealed record TaskStateChanges(IReadOnlyList<TaskStateChanged> Changes);
