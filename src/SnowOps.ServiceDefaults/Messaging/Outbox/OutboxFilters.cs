using MassTransit;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>A message published inside a unit of work goes to its outbox instead of the bus.</summary>
public sealed class OutboxPublishFilter<T> : IFilter<PublishContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (OutboxSession.Current is not { } session)
            return next.Send(context);
        session.Capture(context, published: true);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outbox-publish");
}

/// <summary>A message sent to an address inside a unit of work goes to its outbox instead of the bus.</summary>
public sealed class OutboxSendFilter<T> : IFilter<SendContext<T>> where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        if (OutboxSession.Current is not { } session)
            return next.Send(context);
        session.Capture(context, published: false);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outbox-send");
}
