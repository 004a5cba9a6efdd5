using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The <see cref="IPublishEndpoint"/> code asks for: inside a unit of work (<see cref="OutboxSession.Current"/>) a message
/// goes to the unit's outbox; outside one, to the bus as before. Pipes that change the message's context are not kept in
/// the outbox, so inside a unit they are refused rather than lost.
/// </summary>
public sealed class OutboxPublishEndpoint(IPublishEndpoint inner) : IPublishEndpoint
{
    /// <summary>Wraps MassTransit's scoped <see cref="IPublishEndpoint"/> registration; call after AddMassTransit.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IPublishEndpoint))
            ?? throw new InvalidOperationException("IPublishEndpoint is not registered: add MassTransit first.");
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(IPublishEndpoint), sp => new OutboxPublishEndpoint(Resolve(sp, original)), original.Lifetime));
    }

    static IPublishEndpoint Resolve(IServiceProvider services, ServiceDescriptor original) =>
        (IPublishEndpoint)(original.ImplementationFactory?.Invoke(services)
            ?? original.ImplementationInstance
            ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => inner.ConnectPublishObserver(observer);

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class =>
        Captured(message, typeof(T)) ?? inner.Publish(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Refused() ?? inner.Publish(message, publishPipe, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Refused() ?? inner.Publish(message, publishPipe, cancellationToken);

    public Task Publish(object message, CancellationToken cancellationToken = default) =>
        Captured(message, message.GetType()) ?? inner.Publish(message, cancellationToken);

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Refused() ?? inner.Publish(message, publishPipe, cancellationToken);

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) =>
        Captured(message, messageType) ?? inner.Publish(message, messageType, cancellationToken);

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Refused() ?? inner.Publish(message, messageType, publishPipe, cancellationToken);

    public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class =>
        Refused() ?? inner.Publish<T>(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Refused() ?? inner.Publish(values, publishPipe, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class =>
        Refused() ?? inner.Publish<T>(values, publishPipe, cancellationToken);

    static Task? Captured(object message, Type type)
    {
        if (OutboxSession.Current is not { } session)
            return null;
        session.AddPublish(message, type);
        return Task.CompletedTask;
    }

    static Task? Refused() => OutboxSession.Current is null
        ? null
        : throw new NotSupportedException("Inside a unit of work messages are published as they are: publish pipes and initializer values are not kept in the outbox.");
}
