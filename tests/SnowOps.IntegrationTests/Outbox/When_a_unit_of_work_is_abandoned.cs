using MassTransit;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>A unit of work changes a counter and publishes, then abandons itself (a command answered with a problem).</summary>
public sealed class When_a_unit_of_work_is_abandoned
{
    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_keep_nothing_and_send_nothing(Mode mode)
    {
        await using var world = await CounterWorld.StartAsync(mode);
        await world.SeedAsync("c");

        await world.RunUnitAsync(async (db, publish) =>
        {
            await db.RaiseAsync("c", CancellationToken.None);
            await publish.Publish(new CounterRaised("c", "abandoned"));
            OutboxSession.Current!.Abandon();
        });
        Assert.Equal(0, await world.CounterAsync("c"));
        Assert.Equal(0, await world.RaisesAsync("c"));
        Assert.Equal(0, await world.OutboxCountAsync());

        // A unit that commits afterwards is kept and sent: the relay runs, and had nothing of the abandoned one to send.
        await world.RunUnitAsync(async (db, publish) =>
        {
            await db.RaiseAsync("c", CancellationToken.None);
            await publish.Publish(new CounterRaised("c", "kept"));
        });
        await Eventually.HoldsAsync(() => Task.FromResult(world.Received.RaisedOf("c").Count), n => n > 0, "the kept unit's message");
        await Eventually.HoldsAsync(world.OutboxCountAsync, n => n == 0, "an empty outbox");

        Assert.Equal(1, await world.CounterAsync("c"));
        Assert.Equal(1, await world.RaisesAsync("c"));
        Assert.True(world.Received.RaisedOf("c").SequenceEqual([new CounterRaised("c", "kept")]),
            "On the bus should be the kept unit's message, once; there were: " + string.Join(", ", world.Received.RaisedOf("c")));
    }
}
