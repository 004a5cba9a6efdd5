using SnowOps.Contracts;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Which crew reports a task's state may take. Reports can arrive twice or out of order (a completion
/// before its acceptance); the rules make the final state the same either way.
/// </summary>
public static class TaskRules
{
    public static bool IsFinal(TaskState state) => state is TaskState.Completed or TaskState.Cancelled or TaskState.Declined;

    /// <summary>The state after a crew's report, or null when the report changes nothing.</summary>
    public static TaskState? After(TaskState current, TaskState reported)
    {
        if (IsFinal(current) || current == reported)
            return null;
        return reported switch
        {
            TaskState.Accepted when current is TaskState.Assigned or TaskState.Escalated => TaskState.Accepted,
            TaskState.Started when current is TaskState.Assigned or TaskState.Accepted or TaskState.Escalated => TaskState.Started,
            TaskState.Completed => TaskState.Completed,
            TaskState.Declined when current is TaskState.Assigned or TaskState.Accepted or TaskState.Escalated => TaskState.Declined,
            _ => null,
        };
    }
}
