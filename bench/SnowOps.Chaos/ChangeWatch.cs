using System.Collections.Concurrent;
using SnowOps.Contracts;

namespace SnowOps.Chaos;

/// <summary>
/// Hears every TaskStateChanged Dispatch publishes, alone or together in a TaskStateChanges, on a queue of its own beside
/// Status's: how many completions went out for each task. More than one for a task is a duplicate on the wire, which the
/// read model must absorb; none for a task Dispatch completed is a change Dispatch saved and never published.
/// </summary>
public sealed class ChangeWatch
{
    ConcurrentDictionary<Guid, int> _completed = new();

    public void Heard(TaskStateChanged change)
    {
        if (change.State == TaskState.Completed)
            _completed.AddOrUpdate(change.TaskId, 1, (_, n) => n + 1);
    }

    public int Published => _completed.Values.Sum();

    public int PublishedFor(Guid taskId) => _completed.GetValueOrDefault(taskId);

    public void Reset() => _completed = new();
}
