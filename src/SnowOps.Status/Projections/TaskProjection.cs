using MassTransit;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Live;

namespace SnowOps.Status.Projections;

/// <summary>
/// Projects crew tasks: the state with the newest change time wins, progress only rises, the position with the newest
/// report time wins, and a problem is counted once per task and report time. Progress reports arrive by the thousand in
/// a storm and are taken in batches by <see cref="ProgressProjection"/>, and so are state changes by
/// <see cref="StateProjection"/>, with the same rules (<see cref="Apply(TaskRow, TaskProgressReported)"/>,
/// <see cref="Apply(TaskRow, TaskStateChanged)"/>).
/// </summary>
public sealed class TaskProjection(StatusDbContext db, IStatusFeed feed) :
    IConsumer<TaskAssigned>,
    IConsumer<TaskProblemReported>
{
    public Task Consume(ConsumeContext<TaskAssigned> context) => Project(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<TaskProblemReported> context) => Project(context.Message, context.CancellationToken);

    Task<TaskRow> RowAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.Tasks.FindOrAdd(t => t.TaskId == taskId, () => NewRow(taskId), cancellationToken);

    /// <summary>A task first heard of by something other than its assignment: assigned until told otherwise.</summary>
    public static TaskRow NewRow(Guid taskId) => new() { TaskId = taskId, State = TaskState.Assigned };

    public async Task Project(TaskAssigned m, CancellationToken cancellationToken)
    {
        var row = await RowAsync(m.TaskId, cancellationToken);
        // A task given to another crew is announced again: the newest announcement describes it.
        if (row.Assigned is null || m.Assigned >= row.Assigned)
        {
            (row.SnowEventId, row.Kind, row.Title, row.Assigned) = (m.SnowEventId, m.Kind, m.Title, m.Assigned);
            (row.SourceKey, row.PriorityClass, row.GeometryWkt, row.Due) = (m.SourceKey, m.PriorityClass, m.GeometryWkt, m.Due);
            if (row.StateChanged is null || m.Assigned >= row.StateChanged)
                row.CrewId = m.CrewId;
        }
        row.CrewId ??= m.CrewId;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.TaskChanged(row, m.Assigned, cancellationToken);
    }

    public async Task Project(TaskStateChanged m, CancellationToken cancellationToken)
    {
        var row = await RowAsync(m.TaskId, cancellationToken);
        Apply(row, m);
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.TaskChanged(row, m.Changed, cancellationToken);
    }

    /// <summary>Changes made together, one after the other (the history's replay; the bus takes them as one batch).</summary>
    public async Task Project(TaskStateChanges m, CancellationToken cancellationToken)
    {
        foreach (var change in m.Changes)
            await Project(change, cancellationToken);
    }

    /// <summary>A state change applied to its task's row: the newest change time wins.</summary>
    /// <returns>Whether the row changed.</returns>
    public static bool Apply(TaskRow row, TaskStateChanged m)
    {
        var before = (row.SnowEventId, row.State, row.CrewId, row.StateChanged);
        row.SnowEventId = m.SnowEventId;
        if (row.StateChanged is null || m.Changed >= row.StateChanged)
            (row.State, row.CrewId, row.StateChanged) = (m.State, m.CrewId ?? row.CrewId, m.Changed);
        return before != (row.SnowEventId, row.State, row.CrewId, row.StateChanged);
    }

    public async Task Project(TaskProgressReported m, CancellationToken cancellationToken)
    {
        var row = await RowAsync(m.TaskId, cancellationToken);
        Apply(row, m);
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.TaskChanged(row, m.Reported, cancellationToken);
    }

    /// <summary>
    /// Applies a progress report to its task's row: the share and segments done only rise, the newest position wins.
    /// </summary>
    /// <returns>Whether the row changed.</returns>
    public static bool Apply(TaskRow row, TaskProgressReported m)
    {
        var changed = false;
        if (m.PercentDone is { } percent && (row.PercentDone is null || percent > row.PercentDone))
            (row.PercentDone, changed) = (percent, true);
        if (m.SegmentsDone is { } segments && (row.SegmentsDone is null || segments > row.SegmentsDone))
            (row.SegmentsDone, changed) = (segments, true);
        if (m is { Latitude: { } lat, Longitude: { } lon } && (row.PositionReported is null || m.Reported >= row.PositionReported)
            && (lat, lon, m.Reported) != (row.Latitude, row.Longitude, row.PositionReported))
            (row.Latitude, row.Longitude, row.PositionReported, changed) = (lat, lon, m.Reported, true);
        return changed;
    }

    public async Task Project(TaskProblemReported m, CancellationToken cancellationToken)
    {
        var problem = await db.TaskProblems.FindAsync([m.TaskId, m.Reported], cancellationToken);
        if (problem is not null)
            return;
        db.TaskProblems.Add(new TaskProblemRow { TaskId = m.TaskId, Reported = m.Reported, CrewId = m.CrewId, Problem = m.Problem });
        var row = await RowAsync(m.TaskId, cancellationToken);
        row.Problems++;
        if (await db.SaveIfChangedAsync(cancellationToken))
            await feed.TaskChanged(row, m.Reported, cancellationToken);
    }
}
