using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Data;

namespace SnowOps.Heating.Supply;

/// <summary>
/// Keeps the supply raise each snow event's plan asks for while the event lasts, and advises the stations again when it
/// changes. A redelivery or an older request changes nothing; a close that arrives first is kept, so a late request cannot reopen the raise.
/// </summary>
public sealed class SupplyRaises(HeatingDbContext db, SupplyAdvisor advisor) : IConsumer<HeatingActionsRequested>, IConsumer<SnowEventPhaseChanged>
{
    public async Task Consume(ConsumeContext<HeatingActionsRequested> context)
    {
        var m = context.Message;
        var raise = double.IsFinite(m.RaiseSupplyCelsius) ? Math.Max(0, m.RaiseSupplyCelsius) : 0;
        var known = await db.SupplyRaises.FirstOrDefaultAsync(r => r.SnowEventId == m.SnowEventId, context.CancellationToken);
        if (known is null)
            db.SupplyRaises.Add(new SupplyRaise { SnowEventId = m.SnowEventId, RaiseCelsius = raise, Requested = m.Requested });
        else if (m.Requested > known.Requested)
            (known.RaiseCelsius, known.Requested) = (raise, m.Requested);
        else
            return;
        await db.SaveChangesAsync(context.CancellationToken);
        await advisor.AdviseAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SnowEventPhaseChanged> context)
    {
        var m = context.Message;
        if (m.Phase != SnowPhase.Closed)
            return;
        var known = await db.SupplyRaises.FirstOrDefaultAsync(r => r.SnowEventId == m.SnowEventId, context.CancellationToken);
        if (known is { Ended: not null })
            return;
        if (known is null)
            db.SupplyRaises.Add(new SupplyRaise { SnowEventId = m.SnowEventId, RaiseCelsius = 0, Requested = m.Changed, Ended = m.Changed });
        else
            known.Ended = m.Changed;
        await db.SaveChangesAsync(context.CancellationToken);
        if (known is { RaiseCelsius: > 0 })
            await advisor.AdviseAsync(context.CancellationToken);
    }
}
