using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.Testing;

namespace SnowOps.IntegrationTests.Messages;

/// <summary>
/// A host wired as SnowOps wires its modules (AddModuleMessaging, AddMessaging) says in its log when it starts and stops
/// receiving from each queue: after a broker restart, that is where the time each queue was consumed again is read.
/// </summary>
public sealed class When_a_host_receives_from_its_queues
{
    public sealed record Ping(Guid Id);

    public sealed class PingConsumer : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context) => Task.CompletedTask;
    }

    [Fact]
    public async Task Should_log_each_queue_it_receives_from_and_how_many_messages_it_took_when_it_stops()
    {
        var log = new LogCapture();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SnowOps:Transport"] = "InMemory" });
        builder.Logging.AddProvider(log);
        builder.AddModuleMessaging(bus => bus.AddConsumer<PingConsumer>());
        builder.AddMessaging();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        using var host = builder.Build();

        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var consumed = new TaskCompletionSource();
        var observer = bus.ConnectConsumeObserver(new Consumed<Ping>(consumed));
        await bus.Publish(new Ping(Guid.NewGuid()));
        await consumed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        observer.Disconnect();
        await host.StopAsync();

        var entries = log.Entries.Where(e => e.Message.Contains("/snowops-ping", StringComparison.Ordinal)).ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message == "Receiving from loopback://localhost/snowops-ping");
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message == "Stopped receiving from loopback://localhost/snowops-ping after 1 messages");
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
    }

    sealed class Consumed<T>(TaskCompletionSource done) : IConsumeObserver where T : class
    {
        public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

        public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
        {
            if (context.Message is T)
                done.TrySetResult();
            return Task.CompletedTask;
        }

        public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
    }
}
