using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>The same command (one message id) reaches the module more than once, one copy after the other or all at once.</summary>
public sealed class When_a_message_comes_twice
{
    static readonly string[] BothConsumers = [nameof(RaiseCounterConsumer), nameof(TallyConsumer)];

    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_handle_a_copy_that_comes_later_once_per_consumer(Mode mode)
    {
        await using var world = await CounterWorld.StartAsync(mode);
        await world.SeedAsync("c", TallyConsumer.TallyOf("c"));
        var id = Guid.NewGuid();

        await world.PublishAsync(new RaiseCounter("c"), id);
        await Eventually.HoldsAsync(() => Task.FromResult(world.Deliveries.Of(id)), n => n == 2, "the command done by both consumers");
        await world.PublishAsync(new RaiseCounter("c"), id);
        await Eventually.HoldsAsync(() => Task.FromResult(world.Deliveries.Of(id)), n => n == 4, "the copy done by both consumers");

        await ShouldHaveHandledOnceAsync(world, "c", id);
    }

    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_handle_copies_that_come_at_once_once_per_consumer(Mode mode)
    {
        const int copies = 6;
        await using var world = await CounterWorld.StartAsync(mode);
        await world.SeedAsync("c", TallyConsumer.TallyOf("c"));
        var id = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => world.PublishAsync(new RaiseCounter("c"), id)));
        await Eventually.HoldsAsync(() => Task.FromResult(world.Deliveries.Of(id)), n => n == 2 * copies,
            "every copy done by both consumers", seconds: 15);

        await ShouldHaveHandledOnceAsync(world, "c", id);
    }

    internal static async Task ShouldHaveHandledOnceAsync(CounterWorld world, string counterId, Guid messageId)
    {
        await Eventually.HoldsAsync(world.OutboxCountAsync, n => n == 0, "an empty outbox");
        await Eventually.HoldsAsync(() => Task.FromResult(world.Received.RaisedOf(counterId).Count), n => n >= 1, "the follow-up");
        Assert.Equal(1, await world.CounterAsync(counterId));
        Assert.Equal(1, await world.RaisesAsync(counterId));
        Assert.Equal(1, await world.CounterAsync(TallyConsumer.TallyOf(counterId)));
        Assert.Equal(1, await world.RaisesAsync(TallyConsumer.TallyOf(counterId)));
        Assert.Equal(BothConsumers, await world.InboxAsync(messageId));
        // A copy handled again would have published again: give a stray follow-up the time the relay needs to send it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var followUps = world.Received.RaisedOf(counterId).Count;
        Assert.True(followUps == 1, $"A message handled once put {followUps} follow-ups on the bus");
    }
}
