using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tasks;

/// <summary>
/// Applies what crews report to the task record, and publishes the outcome for everyone else. Only the crew holding a
/// task is heard (a task nobody holds may be taken by a crew that takes its kind); a state change is published once,
/// when the state really changes. A declined task goes straight on to another crew on duty, or to the duty dispatcher.
/// </summary>
public sealed class CrewReports(DispatchDbContext db, CrewAssigner crews, TimeProvider clock, ILogger<CrewReports> logger) :
    IConsumer<TaskAccepted>,
    IConsumer<TaskStarted>,
    IConsumer<TaskDeclined>
{
    const int NoteLength = 1000;

    public Task Consume(ConsumeContext<TaskAccepted> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Accepted, context.Message.Accepted, null);

    public Task Consume(ConsumeContext<TaskStarted> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Started, context.Message.Started, null);

    /// <summary>
    /// A completion, by the same rules as the other reports, in a batch (<see cref="CompletionReports"/>): the batch saves
    /// the tasks and publishes its state changes at once.
    /// </summary>
    /// <param name="changes">Where the resulting state change goes, for the batch to publish.</param>
    public Task CompleteAsync(ConsumeContext context, TaskCompleted m, ICollection<TaskStateChanged> changes) =>
        ApplyAsync(context, m.TaskId, m.CrewId, TaskState.Completed, m.Completed, m.Note, changes);

    public Task Consume(ConsumeContext<TaskDeclined> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Declined, context.Message.Declined, context.Message.Reason);

    /// <summary>
    /// A progress report: the share, segments and position recorded, and the task started by the first real progress.
    /// <see cref="ProgressReports"/> takes them in batches, saves a batch at once and publishes its state changes together.
    /// </summary>
    /// <param name="changes">Where the start, if the report starts the task, goes for the batch to publish.</param>
    public async Task ProgressAsync(ConsumeContext context, TaskProgressReported m, ICollection<TaskStateChanged> changes)
    {
        if (await HeldAsync(m.TaskId, m.CrewId, "progress", mayTake: false, context.CancellationToken) is not { } task)
            return;
        var at = TaskRules.ReportTime(m.Reported, clock.GetUtcNow());
        if (TaskRules.IsFinished(task.State) || task.LastReport >= at)
        {
            logger.LogDebug("Progress from {Crew} on task {Task} ({State}, last report {Last}) reported at {At}: ignored",
                m.CrewId, m.TaskId, task.State, task.LastReport, at);
            return;
        }
        var progress = TaskProgress.Of(m);
        progress.ApplyTo(task, at);
        var starts = TaskRules.ProgressStarts(task.State, progress.PercentDone, progress.SegmentsDone);
        if (starts)
            (task.State, task.Started) = (TaskState.Started, at);
        task.Version++;
        if (starts)
            changes.Add(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Started, task.CrewId, at, By: m.CrewId));
    }

    /// <param name="batch">
    /// Null for a report taken alone: the change is saved and published here. Otherwise the change goes in it, and the
    /// batch saves and publishes.
    /// </param>
    async Task ApplyAsync(ConsumeContext context, Guid taskId, string crewId, TaskState reported, DateTimeOffset reportedAt, string? words,
        ICollection<TaskStateChanged>? batch = null)
    {
        var mayTake = reported is not TaskState.Declined;
        if (await HeldAsync(taskId, crewId, reported.ToString(), mayTake, context.CancellationToken) is not { } task)
            return;
        if (TaskRules.After(task.State, reported) is not { } next)
        {
            logger.LogDebug("Crew {Crew} reported {Reported} for task {Task}, which is {State}: nothing changes", crewId, reported, taskId, task.State);
            return;
        }
        var now = clock.GetUtcNow();
        var at = TaskRules.ReportTime(reportedAt, now);
        task.State = next;
        task.CrewId ??= crewId;
        switch (next)
        {
            case TaskState.Accepted: task.Accepted = at; break;
            case TaskState.Started: task.Started = at; break;
            case TaskState.Completed:
                task.Completed = at;
                task.Note = words is { Length: > NoteLength } ? words[..NoteLength] : words ?? task.Note;
                break;
        }
        task.Version++;
        if (next == TaskState.Declined)
        {
            await HandOverAsync(context, task, crewId, words ?? "", at, now);
            return;
        }
        var change = new TaskStateChanged(task.Id, task.SnowEventId, next, task.CrewId, at, By: crewId);
        if (batch is not null)
        {
            batch.Add(change);
            return;
        }
        await db.SaveChangesAsync(context.CancellationToken);
        await context.Publish(change);
    }

    /// <summary>The decline is recorded and published; then another crew on duty gets the task, or the duty dispatcher does.</summary>
    async Task HandOverAsync(ConsumeContext context, CrewTask task, string decliner, string reason, DateTimeOffset declined, DateTimeOffset now)
    {
        TaskHandOver.RecordDecline(task, decliner, reason);
        var next = await crews.PickAsync(task.Kind, task.Zone, task.VehicleId, task.Decliners, context.CancellationToken);
        var at = TaskHandOver.After(declined, now);
        var escalation = $"declined by {decliner}{(reason.Length > 0 ? $" ({reason})" : "")}; no other crew on duty takes {task.Kind} work";
        if (next is null)
            TaskHandOver.Escalate(task, escalation, at);
        else
            TaskHandOver.GiveTo(task, next, at);
        await db.SaveChangesAsync(context.CancellationToken);

        await context.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Declined, decliner, declined, reason, decliner));
        if (next is null)
        {
            logger.LogWarning("Task {Task} was declined by {Crew} and no other crew on duty takes {Kind} work: escalated", task.Id, decliner, task.Kind);
            await context.Publish(new TaskEscalated(task.Id, task.Reason!, at));
            await context.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Escalated, null, at, task.Reason, SnowEventStateMachine.System));
            return;
        }
        await context.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Assigned, next, at, null, SnowEventStateMachine.System));
        await context.Publish(CrewTaskFactory.Announcement(task));
    }

    /// <summary>
    /// The task, when the reporting crew holds it; or when nobody holds an assigned task and the crew may take it (it takes
    /// the kind, is on the roster and did not decline it). Null otherwise: a crew that declined the task or had it taken
    /// away is not heard.
    /// </summary>
    async Task<CrewTask?> HeldAsync(Guid taskId, string crewId, string what, bool mayTake, CancellationToken cancellationToken)
    {
        // Found among the tasks a batch loaded already, else read.
        var task = await db.Tasks.FindAsync([taskId], cancellationToken);
        if (task is null)
        {
            logger.LogWarning("Crew {Crew} reported {What} for unknown task {Task}", crewId, what, taskId);
            return null;
        }
        if (task.CrewId == crewId)
            return task;
        if (mayTake && task.CrewId is null && task.State == TaskState.Assigned && !task.Decliners.Contains(crewId)
            && await db.Crews.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crewId, cancellationToken) is { Retired: false } crew
            && crew.Takes(task.Kind))
            return task;
        logger.LogInformation("Crew {Crew} reported {What} for task {Task}, which it does not hold (holder: {Holder}): ignored",
            crewId, what, taskId, task.CrewId ?? "nobody");
        return null;
    }
}
