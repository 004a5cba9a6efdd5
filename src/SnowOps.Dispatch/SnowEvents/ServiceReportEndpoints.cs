using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Dispatch.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>The service report: each of a snow event's service targets, its deadline, and how far the work has got.</summary>
public static class ServiceReportEndpoints
{
    public static IEndpointRouteBuilder MapServiceReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/snow-events").WithTags("Snow events")
            .MapGet("/{id:guid}/service-report", ReportAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("Each service target: deadline, tasks counted, needed and done, status (Pending, AtRisk, Met, Missed) and when it was met.");
        return app;
    }

    static async Task<IResult> ReportAsync(Guid id, DispatchDbContext db, ServiceReport report, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snowEvent = await db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == id, cancellationToken);
        if (snowEvent is null)
            return Problems.NotFound($"No snow event {id}.");
        var now = clock.GetUtcNow();
        var targets = await report.ForAsync(snowEvent, now, cancellationToken);
        if (targets is null)
            return Problems.NotFound($"Snow event {id} follows plan '{snowEvent.PlanName}' v{snowEvent.PlanVersion}, which is not stored.");
        return Results.Ok(new
        {
            snowEventId = id,
            phase = SnowEventStateMachine.PhaseOf(snowEvent.CurrentState).ToString(),
            plan = snowEvent.PlanName,
            planVersion = snowEvent.PlanVersion,
            asOf = now,
            targets = targets.Select(t => new
            {
                t.Target.Name,
                kinds = ServiceReport.KindsOf(t.Target).Select(k => k.ToString()),
                t.Target.PriorityClass,
                measure = t.Target.Measure.ToString(),
                share = t.Target.SharePercent,
                from = t.Target.From.ToString(),
                t.Target.Hours,
                t.Deadline,
                t.Counted,
                t.Needed,
                t.Done,
                status = t.Status.ToString(),
                t.MetAt,
            }),
        });
    }
}
