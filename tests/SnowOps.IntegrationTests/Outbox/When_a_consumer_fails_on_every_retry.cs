using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>A consumer saves its change and publishes, then throws, on its first try and on every retry.</summary>
public sealed class When_a_consumer_fails_on_every_retry
{
    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_keep_nothing_and_send_nothing(Mode mode)
    {
        await using var world = await CounterWorld.StartAsync(mode);
        await world.SeedAsync("failing", TallyConsumer.TallyOf("failing"), "control", TallyConsumer.TallyOf("control"));
        var failing = Guid.NewGuid();

        await world.PublishAsync(new RaiseCounter("failing", Fail: true), failing);
        await Eventually.HoldsAsync(() => Task.FromResult(world.Received.Faulted.Contains(failing)), f => f,
            "the fault of the command after its last retry");
        // A later command on the same path arrives: the relay sends, so nothing of the failed one was there to send.
        await world.PublishAsync(new RaiseCounter("control"), Guid.NewGuid());
        await Eventually.HoldsAsync(() => Task.FromResult(world.Received.RaisedOf("control").Count), n => n > 0,
            "the control command's follow-up");
        await Eventually.HoldsAsync(world.OutboxCountAsync, n => n == 0, "an empty outbox");

        Assert.Equal(0, await world.CounterAsync("failing"));
        Assert.Equal(0, await world.RaisesAsync("failing"));
        Assert.Equal(0, await world.OutboxCountAsync());
        // The other consumer of the same command did its part once and remembers it; the failing one remembers nothing.
        Assert.Equal(1, await world.CounterAsync(TallyConsumer.TallyOf("failing")));
        Assert.Equal([nameof(TallyConsumer)], await world.InboxAsync(failing));
        Assert.True(world.Received.RaisedOf("failing").Count == 0,
            $"A consumer whose every try failed put {world.Received.RaisedOf("failing").Count} follow-up(s) on the bus");
        Assert.True(world.Received.RaisedOf("control").Count == 1,
            $"One handled command put {world.Received.RaisedOf("control").Count} follow-ups on the bus");
    }
}
