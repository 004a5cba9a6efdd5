using System.Collections;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs a consumer's message as one unit of work of its module (<see cref="TransactionalOutbox"/>): skipped when this consumer has
/// handled the message id before; its changes, its inbox entry and what it publishes commit together. For a batch, each
/// message of it has its own entry; the batch is skipped when all were handled, and the consumer may skip the rest
/// (<see cref="OutboxSession.IsNew"/>).
/// </summary>
sealed class InboxFilter<TConsumer, TMessage>(TransactionalOutbox outbox, Type contextType) : IFilter<ConsumerConsumeContext<TConsumer, TMessage>>
    where TConsumer : class
    where TMessage : class
{
    static readonly string consumer = typeof(TConsumer).Name;

    // Known once per consumer and message type, not looked up for every message.
    static readonly bool isBatch = typeof(TMessage).IsGenericType && typeof(TMessage).GetGenericTypeDefinition() == typeof(Batch<>);

    public async Task Send(ConsumerConsumeContext<TConsumer, TMessage> context, IPipe<ConsumerConsumeContext<TConsumer, TMessage>> next)
    {
        var services = context.GetPayload<IServiceProvider>();
        var db = (DbContext)services.GetRequiredService(contextType);
        await outbox.RunAsync(db, consumer, MessageIds(context),
            session => next.Send(new ConsumerConsumeContextScope<TConsumer, TMessage>(new SessionConsumeContext<TMessage>(context, session), context.Consumer)),
            context.CancellationToken);
    }

    static Guid[] MessageIds(ConsumeContext<TMessage> context) =>
        isBatch && context.Message is IEnumerable batch
            ? batch.OfType<ConsumeContext>().Select(c => c.MessageId).OfType<Guid>().ToArray()
            : context.MessageId is { } id ? [id] : [];

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}

/// <summary>Puts an <see cref="InboxFilter{TConsumer,TMessage}"/> before every consumer of a module that has an outbox.</summary>
sealed class InboxObserver(TransactionalOutbox outbox) : IConsumerConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class
    {
        if (outbox.ContextFor(typeof(TConsumer)) is { } context)
            configurator.UseFilter(new InboxFilter<TConsumer, TMessage>(outbox, context));
    }
}
