using MassTransit;
using SnowOps.Contracts;

namespace SnowOps.Dispatch.SnowEvents;

/// <summary>
/// A snow event: proposed by a warning, activated by a dispatcher, then prepare → clear → restore → closed.
/// A repeated activation, or one that arrives after the event is under way, changes nothing.
/// </summary>
public sealed class SnowEventStateMachine : MassTransitStateMachine<SnowEventState>
{
    public State Proposed { get; private set; } = null!;
    public State Prepare { get; private set; } = null!;
    public State Clear { get; private set; } = null!;
    public State Restore { get; private set; } = null!;
    public State Closed { get; private set; } = null!;

    public Event<ProposeSnowEvent> Propose { get; private set; } = null!;
    public Event<ActivateSnowEvent> Activate { get; private set; } = null!;
    public Event<WeatherAlertCancelled> AlertCancelled { get; private set; } = null!;

    public SnowEventStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Propose, e => e.CorrelateById(m => m.Message.SnowEventId));
        Event(() => Activate, e =>
        {
            e.CorrelateById(m => m.Message.SnowEventId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => AlertCancelled, e =>
        {
            e.CorrelateById(m => SnowEventIds.ForAlert(m.Message.AlertId));
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(Propose)
                .Then(c =>
                {
                    c.Saga.AlertId = c.Message.AlertId;
                    c.Saga.Hazard = c.Message.Hazard;
                    c.Saga.Level = c.Message.Level;
                    c.Saga.Title = c.Message.Title;
                    c.Saga.PlanName = c.Message.PlanName;
                    c.Saga.Proposed = c.Message.Proposed;
                })
                .Publish(c => new SnowEventProposed(c.Saga.CorrelationId, c.Saga.AlertId, c.Saga.Hazard, c.Saga.Level,
                    c.Saga.Title, c.Saga.PlanName, c.Saga.Proposed))
                .TransitionTo(Proposed));

        During(Proposed,
            Ignore(Propose),
            When(Activate)
                .Then(c =>
                {
                    c.Saga.ActivatedBy = c.Message.ActivatedBy;
                    c.Saga.Activated = c.Message.Requested;
                })
                .Publish(c => new SnowEventActivated(c.Saga.CorrelationId, c.Saga.Hazard, c.Saga.Level, c.Saga.PlanName,
                    c.Message.ActivatedBy, c.Message.Requested))
                .Publish(c => new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Prepare, c.Message.ActivatedBy, c.Message.Requested))
                .TransitionTo(Prepare),
            When(AlertCancelled)
                .Then(c => c.Saga.Closed = c.Message.Sent)
                .Publish(c => new SnowEventPhaseChanged(c.Saga.CorrelationId, SnowPhase.Closed, "system", c.Message.Sent))
                .TransitionTo(Closed));

        // Once under way, a cancelled warning does not stop the crews: the dispatcher stands the event down.
        During(Prepare, Clear, Restore,
            Ignore(Propose),
            Ignore(Activate),
            Ignore(AlertCancelled));

        During(Closed,
            Ignore(Propose),
            Ignore(Activate),
            Ignore(AlertCancelled));
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
