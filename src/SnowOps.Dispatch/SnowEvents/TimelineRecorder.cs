using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Data;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>
/// Writes a snow event's audit trail from the events the saga, the clock and the routes publish. Each entry has a key
/// unique within the event, so a redelivered event adds no second line.
/// </summary>
public sealed class TimelineRecorder(DispatchDbContext db) :
    IConsumer<SnowEventProposed>,
    IConsumer<SnowEventActivated>,
    IConsumer<SnowEventPhaseChanged>,
    IConsumer<SnowEventEscalated>,
    IConsumer<SnowfallEnded>,
    IConsumer<ServiceTargetAtRisk>,
    IConsumer<ServiceTargetMissed>,
    IConsumer<PlowRoutesAssigned>,
    IConsumer<HeatingActionsRequested>,
    IConsumer<TaskProblemReported>,
    IConsumer<TaskPhotoAttached>
{
    const int ProblemLength = 900;

    public Task Consume(ConsumeContext<SnowEventProposed> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, "proposed", $"Proposed: {m.Level} {m.Hazard}, plan {m.PlanName}", m.ProposedBy, m.Proposed,
            m.AlertId is { } alert ? $"alert {alert}" : null, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SnowEventActivated> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, "activated", $"Activated: plan {m.PlanName}", m.ActivatedBy, m.Activated, null, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SnowEventPhaseChanged> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"phase:{m.Phase}", $"Phase: {m.Phase}", m.ChangedBy, m.Changed, m.Reason, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SnowEventEscalated> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"escalated:{m.Level}", $"Escalated: {m.PreviousLevel} → {m.Level}, plan {m.PlanName} v{m.PlanVersion}",
            m.EscalatedBy, m.Escalated, null, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SnowfallEnded> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"snowfall-end:{m.Ended.UtcTicks}", $"Snow stopped at {m.Ended:u}", m.MarkedBy, m.Marked ?? m.Ended, null,
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ServiceTargetAtRisk> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"at-risk:{m.Target}", $"Service target at risk: {m.Target}", SnowEventStateMachine.System, m.Raised,
            $"{m.Done} of {m.Needed} done, deadline {m.Deadline:u}", context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ServiceTargetMissed> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"missed:{m.Target}", $"Service target missed: {m.Target}", SnowEventStateMachine.System, m.Deadline,
            $"{m.Done} of {m.Needed} done", context.CancellationToken);
    }

    public Task Consume(ConsumeContext<PlowRoutesAssigned> context)
    {
        var m = context.Message;
        var what = m.Routes.Count == 0 ? "No plow routes: Routing has no road network for the classes asked" : $"Routes planned: {m.Routes.Count}";
        return AddAsync(m.SnowEventId, $"routes:{m.Routes.Count}:{m.Routes.Sum(r => r.LengthMeters):F0}", what,
            "routing", context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : DateTimeOffset.UtcNow,
            $"{m.Routes.Sum(r => r.LengthMeters) / 1000:F1} km of streets", context.CancellationToken);
    }

    public Task Consume(ConsumeContext<HeatingActionsRequested> context)
    {
        var m = context.Message;
        return AddAsync(m.SnowEventId, $"heating:{m.Level}", "Heating asked to act", SnowEventStateMachine.System, m.Requested,
            $"raise supply by {m.RaiseSupplyCelsius} °C, check every {m.CheckEveryHours} h", context.CancellationToken);
    }

    /// <summary>A problem does not change the task; it goes on the trail of the task's snow event for the dispatchers to see.</summary>
    public async Task Consume(ConsumeContext<TaskProblemReported> context)
    {
        var m = context.Message;
        if (await TaskAsync(m.TaskId, context.CancellationToken) is not { } task)
            return;
        var problem = m.Problem.Length > ProblemLength ? m.Problem[..ProblemLength] + "…" : m.Problem;
        var detail = m.PhotoId is { } photo ? $"{problem} (photo {PhotoPath(photo)})".TrimStart() : problem;
        await AddAsync(task.SnowEventId, $"problem:{m.TaskId:N}:{m.Reported.UtcTicks}", Line("Problem reported", task.Title), m.CrewId, m.Reported,
            detail, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<TaskPhotoAttached> context)
    {
        var m = context.Message;
        if (await TaskAsync(m.TaskId, context.CancellationToken) is not { } task)
            return;
        await AddAsync(task.SnowEventId, $"photo:{m.PhotoId:N}", Line($"Photo ({m.Purpose})", task.Title), m.CrewId, m.Attached,
            PhotoPath(m.PhotoId), context.CancellationToken);
    }

    Task<Tasks.CrewTask?> TaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);

    static string Line(string what, string title)
    {
        var line = $"{what}: {title}";
        return line.Length > 256 ? line[..255] + "…" : line;
    }

    static string PhotoPath(Guid photoId) => $"/api/crew/photos/{photoId}";

    async Task AddAsync(Guid snowEventId, string key, string what, string by, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        if (await db.Timeline.AnyAsync(t => t.SnowEventId == snowEventId && t.Key == key, cancellationToken))
            return;
        db.Timeline.Add(new TimelineEntry { SnowEventId = snowEventId, Key = key, What = what, By = by, At = at, Detail = detail });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event, delivered twice at once, was written by the other delivery; anything else fails again on retry.
            db.ChangeTracker.Clear();
            if (!await db.Timeline.AsNoTracking().AnyAsync(t => t.SnowEventId == snowEventId && t.Key == key, cancellationToken))
                throw;
        }
    }
}
