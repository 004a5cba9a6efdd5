using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware.Outbox;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The message a consumer handles inside a unit of work: what it publishes or sends through this context goes to the
/// unit's <see cref="OutboxSession"/> instead of the broker (MassTransit's outbox endpoint providers, pointed at our session).
/// </summary>
sealed class SessionConsumeContext<TMessage> : ConsumeContextProxy<TMessage> where TMessage : class
{
    public SessionConsumeContext(ConsumeContext<TMessage> context, OutboxSession session)
        : base(context)
    {
        ReceiveContext = new SessionReceiveContext(session, context.ReceiveContext);
    }
}

sealed class SessionReceiveContext(OutboxSession session, ReceiveContext context) : ReceiveContextProxy(context)
{
    public override IPublishEndpointProvider PublishEndpointProvider { get; } =
        new OutboxPublishEndpointProvider(session, context.PublishEndpointProvider);

    public override ISendEndpointProvider SendEndpointProvider { get; } =
        new OutboxSendEndpointProvider(session, context.SendEndpointProvider);
}
