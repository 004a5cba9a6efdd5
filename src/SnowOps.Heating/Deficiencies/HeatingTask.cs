using SnowOps.Contracts;

namespace SnowOps.Heating.Deficiencies;

/// <summary>
/// What Heating knows of a temperature-check or heating-repair task of Dispatch's, from <see cref="TaskAssigned"/> and
/// <see cref="TaskStateChanged"/>: which compound it is about, and how far it has got.
/// </summary>
public sealed class HeatingTask
{
    public Guid TaskId { get; set; }
    public TaskKind Kind { get; set; }

    /// <summary>Dispatch's source key, e.g. "request:heating:repair:…" for the tasks Heating asked for.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The compound the task is about, when the requester named one.</summary>
    public string? SubjectId { get; set; }
    public TaskState State { get; set; }

    /// <summary>When the state was last changed, by Dispatch's clock.</summary>
    public DateTimeOffset Changed { get; set; }
}
