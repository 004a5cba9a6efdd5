using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.Tasks;

public static class TaskCancellation
{
    /// <summary>Cancels a snow event's tasks that are not finished; tasks already cancelled or done are left alone.</summary>
    public static async Task<int> CancelOpenAsync(DispatchDbContext db, Guid snowEventId, string reason, string by, DateTimeOffset at,
        IPublishEndpoint publish, CancellationToken cancellationToken, Func<CrewTask, bool>? which = null)
    {
        var open = await db.Tasks.Where(t => t.SnowEventId == snowEventId
                && t.State != TaskState.Completed && t.State != TaskState.Cancelled)
            .ToListAsync(cancellationToken);
        var cancelled = open.Where(which ?? (_ => true)).ToList();
        foreach (var task in cancelled)
            Cancel(task, reason, at);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var task in cancelled)
            await publish.Publish(new TaskStateChanged(task.Id, task.SnowEventId, TaskState.Cancelled, task.CrewId, at, reason, by), cancellationToken);
        return cancelled.Count;
    }

    public static void Cancel(CrewTask task, string reason, DateTimeOffset at)
    {
        task.State = TaskState.Cancelled;
        task.Cancelled = at;
        task.Reason = reason.Length > 500 ? reason[..500] : reason;
        task.Version++;
    }
}
