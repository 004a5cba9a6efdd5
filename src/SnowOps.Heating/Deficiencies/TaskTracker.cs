using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Deficiencies;

/// <summary>
/// Follows Dispatch's temperature-check and heating-repair tasks: which compound each is about (so a measurement for a
/// check task can be matched to it), the repair and re-check tasks of each deficiency, and when a repair is done.
/// A state change of a task Heating has not heard of is ignored: Dispatch announces a task before it changes.
/// </summary>
public sealed class TaskTracker(HeatingDbContext db, DeficiencyDesk desk) :
    IConsumer<TaskAssigned>,
    IConsumer<TaskStateChanged>,
    IConsumer<TaskStateChanges>
{
    /// <summary>Whether a known temperature-check task is about a compound other than the one measured.</summary>
    public static bool ChecksAnotherCompound(HeatingTask? task, string compoundId) =>
        task is { Kind: TaskKind.TemperatureCheck, SubjectId: { } subject } && !string.Equals(subject, compoundId, StringComparison.Ordinal);

    public async Task Consume(ConsumeContext<TaskAssigned> context)
    {
        var m = context.Message;
        if (m.Kind is not (TaskKind.TemperatureCheck or TaskKind.HeatingRepair))
            return;
        var task = await db.HeatingTasks.FirstOrDefaultAsync(t => t.TaskId == m.TaskId, context.CancellationToken);
        if (task is null)
        {
            task = new HeatingTask { TaskId = m.TaskId, Kind = m.Kind, State = TaskState.Assigned, Changed = m.Assigned };
            db.HeatingTasks.Add(task);
        }
        task.SourceKey = m.SourceKey;
        task.SubjectId = m.SubjectId;
        if (DeficiencyKeys.TryRead(m.SourceKey, out var repair, out var deficiencyId, out var round)
            && await db.Deficiencies.FirstOrDefaultAsync(d => d.Id == deficiencyId, context.CancellationToken) is { } deficiency
            && deficiency.Round == round)
        {
            if (repair && deficiency.RepairTaskId != m.TaskId)
                (deficiency.RepairTaskId, deficiency.Version) = (m.TaskId, deficiency.Version + 1);
            else if (!repair && deficiency.RecheckTaskId != m.TaskId)
                (deficiency.RecheckTaskId, deficiency.Version) = (m.TaskId, deficiency.Version + 1);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TaskStateChanged> context)
    {
        var m = context.Message;
        var task = await db.HeatingTasks.FirstOrDefaultAsync(t => t.TaskId == m.TaskId, context.CancellationToken);
        await ApplyAsync(task, m, context);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Changes Dispatch made together: Heating's tasks among them read in one query, each change applied in order.</summary>
    public async Task Consume(ConsumeContext<TaskStateChanges> context)
    {
        var ids = context.Message.Changes.Select(c => c.TaskId).Distinct().ToList();
        var tasks = await db.HeatingTasks.Where(t => ids.Contains(t.TaskId)).ToDictionaryAsync(t => t.TaskId, context.CancellationToken);
        foreach (var m in context.Message.Changes)
            await ApplyAsync(tasks.GetValueOrDefault(m.TaskId), m, context);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    async Task ApplyAsync(HeatingTask? task, TaskStateChanged m, ConsumeContext context)
    {
        if (task is null)
            return;
        if (m.Changed >= task.Changed)
            (task.State, task.Changed) = (m.State, m.Changed);
        if (m.State == TaskState.Completed && DeficiencyKeys.TryRead(task.SourceKey, out var repair, out var deficiencyId, out var round) && repair
            && await db.Deficiencies.FirstOrDefaultAsync(d => d.Id == deficiencyId, context.CancellationToken) is { } deficiency)
            await desk.RepairedAsync(deficiency, round, m.TaskId, m.Changed, context, context.CancellationToken);
    }
}
