using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Which crew reports a task's state may take. Reports can arrive twice or out of order (a completion
/// before its acceptance); the rules make the final state the same either way: a task only moves forward
/// (assigned → accepted → started → completed), and a finished task never moves again.
/// Declined is a passing state: the same save gives the task to another crew or to the duty dispatcher.
/// </summary>
public static class TaskRules
{
    /// <summary>The work is over: nothing a crew reports changes the task, and a dispatcher can neither cancel nor reassign it.</summary>
    public static bool IsFinished(TaskState state) => state is TaskState.Completed or TaskState.Cancelled;

    /// <summary>The state after a crew's report, or null when the report changes nothing.</summary>
    public static TaskState? After(TaskState current, TaskState reported) => reported switch
    {
        TaskState.Accepted when current is TaskState.Assigned or TaskState.Escalated => TaskState.Accepted,
        TaskState.Started when current is TaskState.Assigned or TaskState.Accepted or TaskState.Escalated => TaskState.Started,
        TaskState.Completed when current is TaskState.Assigned or TaskState.Accepted or TaskState.Started or TaskState.Escalated => TaskState.Completed,
        // Once the work has begun the crew finishes it, or the dispatcher reassigns it.
        TaskState.Declined when current is TaskState.Assigned or TaskState.Accepted or TaskState.Escalated => TaskState.Declined,
        _ => null,
    };

    /// <summary>
    /// Progress that shows work done (a share or segments above zero) starts a task that was not started yet: the
    /// crew is on it even if its "started" message is late or lost. A position alone does not: the crew may be on its way.
    /// </summary>
    public static bool ProgressStarts(TaskState current, double? percentDone, int? segmentsDone) =>
        current is TaskState.Assigned or TaskState.Accepted or TaskState.Escalated && (percentDone > 0 || segmentsDone > 0);

    /// <summary>
    /// The time a crew's report is kept with: no later than when Dispatch heard it (a device clock running ahead must not
    /// outrank later reports), and to the whole millisecond, which every database keeps exactly; a report compared with
    /// the one stored before it is then compared as it was stored.
    /// </summary>
    public static DateTimeOffset ReportTime(DateTimeOffset reported, DateTimeOffset now)
    {
        var at = (reported > now ? now : reported).ToUniversalTime();
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
