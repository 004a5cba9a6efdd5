using MassTransit;
using SnowOps.Contracts;
using SnowOps.Status.Data;

namespace SnowOps.Status.Audit;

/// <summary>Keeps the audit trail: each entry once, however often it is delivered.</summary>
public sealed class AuditProjection(StatusDbContext db) : IConsumer<ActionAudited>
{
    public Task Consume(ConsumeContext<ActionAudited> context) => Project(context.Message, context.CancellationToken);

    public async Task Project(ActionAudited m, CancellationToken cancellationToken)
    {
        if (await db.Audit.FindAsync([m.AuditId], cancellationToken) is not null)
            return;
        // Kept in UTC, so the trail orders and compares by instant in SQLite too (its dates are stored with their offset).
        db.Audit.Add(new AuditRow
        {
            AuditId = m.AuditId, Who = m.Who, Roles = [.. m.Roles], Method = m.Method, Path = m.Path, Status = m.Status, At = m.At.ToUniversalTime(),
            Modules = [.. m.Modules], TraceId = m.TraceId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
