using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Tasks;

/// <summary>Applies what crews report to the task record, and publishes the outcome for everyone else.</summary>
public sealed class CrewReports(DispatchDbContext db, ILogger<CrewReports> logger) :
    IConsumer<TaskAccepted>,
    IConsumer<TaskStarted>,
    IConsumer<TaskCompleted>,
    IConsumer<TaskDeclined>
{
    public Task Consume(ConsumeContext<TaskAccepted> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Accepted, context.Message.Accepted, null);

    public Task Consume(ConsumeContext<TaskStarted> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Started, context.Message.Started, null);

    public Task Consume(ConsumeContext<TaskCompleted> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Completed, context.Message.Completed, context.Message.Note);

    public Task Consume(ConsumeContext<TaskDeclined> context) =>
        ApplyAsync(context, context.Message.TaskId, context.Message.CrewId, TaskState.Declined, context.Message.Declined, context.Message.Reason);

    async Task ApplyAsync(ConsumeContext context, Guid taskId, string crewId, TaskState reported, DateTimeOffset at, string? note)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, context.CancellationToken);
        if (task is null)
        {
            logger.LogWarning("Crew {Crew} reported {State} for unknown task {Task}", crewId, reported, taskId);
            return;
        }
        if (task.CrewId is not null && task.CrewId != crewId)
        {
            logger.LogWarning("Crew {Crew} reported {State} for task {Task}, which belongs to {Holder}", crewId, reported, taskId, task.CrewId);
            return;
        }
        var next = TaskRules.After(task.State, reported);
        if (next is null)
            return;

        task.State = next.Value;
        task.CrewId ??= crewId;
        switch (next.Value)
        {
            case TaskState.Accepted: task.Accepted = at; break;
            case TaskState.Started: task.Started = at; break;
            case TaskState.Completed: task.Completed = at; break;
        }
        task.Note = note ?? task.Note;
        task.Version++;
        await db.SaveChangesAsync(context.CancellationToken);
        await context.Publish(new TaskStateChanged(task.Id, task.SnowEventId, task.State, task.CrewId, at));
    }
}
