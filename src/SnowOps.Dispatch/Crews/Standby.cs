using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch.Crews;

/// <summary>
/// Calls in a plan's standby crews on activation: each listed crew (by id, or by the vehicle it drives) that is not on
/// duty and has no shift then gets one from the activation, so the plan's work goes to it. A redelivered activation
/// finds the shifts made and adds none.
/// </summary>
public sealed class Standby(DispatchDbContext db)
{
    public async Task<IReadOnlyList<string>> CallInAsync(PlanTemplate plan, DateTimeOffset activated, CancellationToken cancellationToken)
    {
        if (plan.Standby.Count == 0)
            return [];
        var wanted = plan.Standby.ToHashSet(StringComparer.Ordinal);
        var crews = await db.Crews.AsNoTracking().Where(c => !c.Retired && !c.AlwaysOnDuty).ToListAsync(cancellationToken);
        var listed = crews.Where(c => wanted.Contains(c.Id) || (c.VehicleId is { } v && wanted.Contains(v))).ToList();
        var end = activated.AddHours(plan.StandbyHours);
        var ids = listed.Select(c => c.Id).ToList();
        var busy = (await db.Shifts.AsNoTracking().Where(s => ids.Contains(s.CrewId) && s.End > activated && s.Start < end)
            .Select(s => s.CrewId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var called = listed.Where(c => !busy.Contains(c.Id)).ToList();
        foreach (var crew in called)
        {
            db.Shifts.Add(new Shift
            {
                Id = NewId.NextGuid(),
                CrewId = crew.Id,
                Start = activated,
                End = end,
                CreatedBy = $"plan {plan.Name}",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return called.Select(c => c.Id).ToList();
    }
}
