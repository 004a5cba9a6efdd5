using System.Collections.Concurrent;
using MassTransit;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>
/// What reached the bus: every <see cref="CounterRaised"/> with its message id, and the ids of the
/// <see cref="RaiseCounter"/> commands that faulted. A plain handler endpoint, so no inbox hides a copy from it.
/// </summary>
public sealed class Received
{
    readonly ConcurrentQueue<(Guid MessageId, CounterRaised Message)> _raised = new();
    readonly ConcurrentQueue<Guid> _faulted = new();

    public IReadOnlyList<(Guid MessageId, CounterRaised Message)> Raised => _raised.ToArray();
    public IReadOnlyList<Guid> Faulted => _faulted.ToArray();

    public IReadOnlyList<CounterRaised> RaisedOf(string counterId) => _raised.Select(r => r.Message).Where(m => m.CounterId == counterId).ToList();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint("outbox-spec-received", e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.PrefetchCount = 200;
                rabbit.AutoDelete = true;
            }
            e.Handler<CounterRaised>(context =>
            {
                _raised.Enqueue((context.MessageId ?? Guid.Empty, context.Message));
                return Task.CompletedTask;
            });
            e.Handler<Fault<RaiseCounter>>(context =>
            {
                _faulted.Enqueue(context.Message.FaultedMessageId ?? Guid.Empty);
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
    }
}

/// <summary>How many times each <see cref="RaiseCounter"/> was delivered to a consumer endpoint and done with, whether its consumer ran or its inbox skipped it.</summary>
public sealed class Deliveries : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> _done = new();

    public int Of(Guid messageId) => _done.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (typeof(T) == typeof(RaiseCounter) && context.MessageId is { } id)
            _done.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
