using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Checks;

/// <summary>Notes which Dispatch task answers a scheduled check, from the task's source key ("request:" and the check's key).</summary>
public sealed class CheckAssignments(HeatingDbContext db) : IConsumer<TaskAssigned>
{
    const string Prefix = "request:" + CheckScheduler.KeyPrefix;

    public async Task Consume(ConsumeContext<TaskAssigned> context)
    {
        var m = context.Message;
        if (m.Kind != TaskKind.TemperatureCheck || m.SourceKey is not { } source || !source.StartsWith(Prefix, StringComparison.Ordinal))
            return;
        var key = source["request:".Length..];
        var check = await db.ScheduledChecks.FirstOrDefaultAsync(c => c.SourceKey == key, context.CancellationToken);
        if (check is null || check.TaskId == m.TaskId)
            return;
        check.TaskId = m.TaskId;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
