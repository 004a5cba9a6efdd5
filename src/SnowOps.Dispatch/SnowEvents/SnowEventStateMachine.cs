using MassTransit;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>
/// A snow event: proposed (by a warning or a dispatcher), activated (by a dispatcher, or by itself at a plan's
/// auto-activation level), then prepare → clear → restore → closed. A higher level from an Update alert widens the
/// plan without restarting it; a Cancel alert or a dispatcher stands it down. Orders that do not fit the current
/// phase (a repeated activation, a step backwards) change nothing, so redelivered and reordered orders are harmless.
/// </summary>
public sealed class SnowEventStateMachine : MassTransitStateMachine<SnowEventState>
{
    public const string System = "system";

    public State Proposed { get; private set; } = null!;
    public State Prepare { get; private set; } = null!;
    public State Clear { get; private set; } = null!;
    public State Restore { get; private set; } = null!;
    public State Closed { get; private set; } = null!;

    public Event<ProposeSnowEvent> Propose { get; private set; } = null!;
    public Event<ActivateSnowEvent> Activate { get; private set; } = null!;
    public Event<EscalateSnowEvent> Escalate { get; private set; } = null!;
    public Event<AdvanceSnowEvent> Advance { get; private set; } = null!;
    public Event<MarkSnowStopped> SnowStopped { get; private set; } = null!;
    public Event<StandDownSnowEvent> StandDown { get; private set; } = null!;
    public Event<WeatherAlertCancelled> AlertCancelled { get; private set; } = null!;
    public Event<WeatherAlertExpired> AlertExpired { get; private set; } = null!;

    public SnowEventStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Propose, e => e.CorrelateById(m => m.Message.SnowEventId));
        Event(() => Escalate, e => e.CorrelateById(m => m.Message.SnowEventId));
        Event(() => Activate, e => Existing(e, m => m.Message.SnowEventId));
        Event(() => Advance, e => Existing(e, m => m.Message.SnowEventId));
        Event(() => SnowStopped, e => Existing(e, m => m.Message.SnowEventId));
        Event(() => StandDown, e => Existing(e, m => m.Message.SnowEventId));
        Event(() => AlertCancelled, e => Existing(e, m => SnowEventIds.ForAlert(m.Message.AlertId)));
        Event(() => AlertExpired, e => Existing(e, m => SnowEventIds.ForAlert(m.Message.AlertId)));

        Initially(
            When(Propose)
                .Then(c => Open(c.Saga, c.Message.AlertId, c.Message.Hazard, c.Message.Level, c.Message.Title, c.Message.PlanName,
                    c.Message.PlanVersion, c.Message.ProposedBy, c.Message.Proposed, c.Message.Onset, c.Message.Expires))
                .Publish(c => Proposal(c.Saga))
                .TransitionTo(Proposed)
                .If(c => c.Message.AutoActivate, x => x
                    .ThenAsync(c => ActivateAsync(c, $"{System} (plan activates at {c.Message.Level})", c.Message.Proposed))
                    .TransitionTo(Prepare)),
            // An Update that raises a warning to a level a plan answers opens the event it did not open before.
            When(Escalate)
                .Then(c => Open(c.Saga, c.Message.AlertId, c.Message.Hazard, c.Message.Level, c.Message.Title, c.Message.PlanName,
                    c.Message.PlanVersion, c.Message.By, c.Message.Requested, c.Message.Onset, c.Message.Expires))
                .Publish(c => Proposal(c.Saga))
                .TransitionTo(Proposed)
                .If(c => c.Message.AutoActivate, x => x
                    .ThenAsync(c => ActivateAsync(c, $"{System} (plan activates at {c.Message.Level})", c.Message.Requested))
                    .TransitionTo(Prepare)));

        During(Proposed,
            Ignore(Propose),
            When(Activate)
                .ThenAsync(c => ActivateAsync(c, c.Message.ActivatedBy, c.Message.Requested))
                .TransitionTo(Prepare),
            When(Escalate)
                .ThenAsync(EscalateAsync)
                .If(c => c.Message.AutoActivate, x => x
                    .ThenAsync(c => ActivateAsync(c, $"{System} (plan activates at {c.Message.Level})", c.Message.Requested))
                    .TransitionTo(Prepare)),
            When(StandDown)
                .ThenAsync(c => CloseAsync(c, c.Message.By, c.Message.Requested, $"stood down: {c.Message.Reason}"))
                .TransitionTo(Closed),
            When(AlertCancelled)
                .ThenAsync(c => CloseAsync(c, System, c.Message.Sent, "stood down: the warning was cancelled"))
                .TransitionTo(Closed),
            When(AlertExpired)
                .ThenAsync(c => CloseAsync(c, System, c.Message.Expired, "the warning expired before the event was activated"))
                .TransitionTo(Closed),
            Ignore(Advance),
            Ignore(SnowStopped));

        During(Prepare,
            When(Advance, c => c.Message.Phase == SnowPhase.Clear)
                .ThenAsync(c => EnterClearAsync(c, c.Message.By, c.Message.Requested))
                .TransitionTo(Clear),
            When(Advance, c => c.Message.Phase == SnowPhase.Restore)
                .ThenAsync(c => EnterRestoreAsync(c, c.Message.Requested, c.Message.By, c.Message.Requested))
                .TransitionTo(Restore),
            When(Advance, c => c.Message.Phase is not (SnowPhase.Clear or SnowPhase.Restore)));

        During(Clear,
            When(Advance, c => c.Message.Phase == SnowPhase.Restore)
                .ThenAsync(c => EnterRestoreAsync(c, c.Message.Requested, c.Message.By, c.Message.Requested))
                .TransitionTo(Restore),
            When(Advance, c => c.Message.Phase != SnowPhase.Restore));

        During(Prepare, Clear,
            Ignore(Propose),
            Ignore(Activate),
            When(Escalate).ThenAsync(EscalateAsync),
            When(SnowStopped)
                .ThenAsync(c => EnterRestoreAsync(c, c.Message.Ended, c.Message.By, c.Message.Requested))
                .TransitionTo(Restore),
            When(AlertExpired)
                .ThenAsync(c => EnterRestoreAsync(c, c.Message.Expired, System, c.Message.Expired))
                .TransitionTo(Restore),
            When(StandDown)
                .ThenAsync(c => CloseAsync(c, c.Message.By, c.Message.Requested, $"stood down: {c.Message.Reason}"))
                .TransitionTo(Closed),
            When(AlertCancelled)
                .ThenAsync(c => CloseAsync(c, System, c.Message.Sent, "stood down: the warning was cancelled"))
                .TransitionTo(Closed));

        During(Restore,
            Ignore(Propose),
            Ignore(Activate),
            Ignore(AlertExpired),
            When(Escalate).ThenAsync(EscalateAsync),
            // A dispatcher's mark corrects the end the alert gave; the service-target clocks follow it.
            When(SnowStopped, c => c.Message.By != System && c.Message.Ended != c.Saga.SnowfallEnded)
                .ThenAsync(c => MarkSnowfallEndAsync(c, c.Message.Ended, c.Message.By, c.Message.Requested)),
            When(SnowStopped, c => c.Message.By == System || c.Message.Ended == c.Saga.SnowfallEnded),
            When(Advance, c => c.Message.Phase == SnowPhase.Closed)
                .ThenAsync(c => CloseAsync(c, c.Message.By, c.Message.Requested, null))
                .TransitionTo(Closed),
            When(Advance, c => c.Message.Phase != SnowPhase.Closed),
            When(StandDown)
                .ThenAsync(c => CloseAsync(c, c.Message.By, c.Message.Requested, $"stood down: {c.Message.Reason}"))
                .TransitionTo(Closed),
            When(AlertCancelled)
                .ThenAsync(c => CloseAsync(c, System, c.Message.Sent, "stood down: the warning was cancelled"))
                .TransitionTo(Closed));

        During(Closed,
            Ignore(Propose),
            Ignore(Activate),
            Ignore(Escalate),
            Ignore(Advance),
            Ignore(SnowStopped),
            Ignore(StandDown),
            Ignore(AlertCancelled),
            Ignore(AlertExpired));
    }

    static void Existing<T>(IEventCorrelationConfigurator<SnowEventState, T> e, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        e.CorrelateById(id);
        e.OnMissingInstance(m => m.Discard());
    }

    static void Open(SnowEventState s, Guid? alertId, Hazard hazard, AlertLevel level, string title, string plan, int version,
        string by, DateTimeOffset at, DateTimeOffset? onset, DateTimeOffset? expires)
    {
        (s.AlertId, s.Hazard, s.Level, s.Title, s.PlanName, s.PlanVersion) = (alertId, hazard, level, title, plan, version);
        (s.ProposedBy, s.Proposed, s.Onset, s.Expires) = (by, at, onset, expires);
    }

    static SnowEventProposed Proposal(SnowEventState s) =>
        new(s.CorrelationId, s.AlertId, s.Hazard, s.Level, s.Title, s.PlanName, s.Proposed, s.ProposedBy);

    static async Task ActivateAsync(BehaviorContext<SnowEventState> c, string by, DateTimeOffset at)
    {
        (c.Saga.ActivatedBy, c.Saga.Activated) = (by, at);
        await c.Publish(new SnowEventActivated(c.Saga.CorrelationId, c.Saga.Hazard, c.Saga.Level, c.Saga.PlanName, by, at));
        await c.Publish(new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Prepare, by, at));
    }

    static async Task EscalateAsync(BehaviorContext<SnowEventState, EscalateSnowEvent> c)
    {
        var m = c.Message;
        c.Saga.Onset = m.Onset ?? c.Saga.Onset;
        c.Saga.Expires = m.Expires ?? c.Saga.Expires;
        if (m.Level <= c.Saga.Level)
            return;
        var previous = c.Saga.Level;
        (c.Saga.Level, c.Saga.PlanName, c.Saga.PlanVersion) = (m.Level, m.PlanName, m.PlanVersion);
        await c.Publish(new SnowEventEscalated(c.Saga.CorrelationId, previous, m.Level, m.PlanName, m.PlanVersion, m.By, m.Requested));
    }

    static async Task EnterClearAsync(BehaviorContext<SnowEventState> c, string by, DateTimeOffset at)
    {
        c.Saga.ClearStarted = at;
        await c.Publish(new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Clear, by, at));
    }

    static async Task EnterRestoreAsync(BehaviorContext<SnowEventState> c, DateTimeOffset ended, string by, DateTimeOffset at)
    {
        c.Saga.ClearStarted ??= ended;
        await MarkSnowfallEndAsync(c, ended, by, at);
        await c.Publish(new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Restore, by, at));
    }

    static async Task MarkSnowfallEndAsync(BehaviorContext<SnowEventState> c, DateTimeOffset ended, string by, DateTimeOffset at)
    {
        (c.Saga.SnowfallEnded, c.Saga.SnowfallEndedBy) = (ended, by);
        await c.Publish(new SnowfallEnded(c.Saga.CorrelationId, ended, by, at));
    }

    static async Task CloseAsync(BehaviorContext<SnowEventState> c, string by, DateTimeOffset at, string? reason)
    {
        (c.Saga.Closed, c.Saga.ClosedBy, c.Saga.CloseReason) = (at, by, reason);
        await c.Publish(new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Closed, by, at, reason));
    }

    public static SnowPhase PhaseOf(string state) => state switch
    {
        nameof(Prepare) => SnowPhase.Prepare,
        nameof(Clear) => SnowPhase.Clear,
        nameof(Restore) => SnowPhase.Restore,
        nameof(Closed) => SnowPhase.Closed,
        _ => SnowPhase.Proposed,
    };
}
