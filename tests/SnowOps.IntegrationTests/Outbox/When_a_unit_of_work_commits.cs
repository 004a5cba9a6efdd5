using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>Code outside any consumer (an HTTP command, a timer) changes a counter and publishes, as one unit of work.</summary>
public sealed class When_a_unit_of_work_commits
{
    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_keep_its_message_in_the_outbox_until_the_relay_sends_it_with_the_same_id(Mode mode)
    {
        await using var world = await CounterWorld.StartAsync(mode, relays: false);
        await world.SeedAsync("c");

        await world.RunUnitAsync(async (db, publish) =>
        {
            await db.RaiseAsync("c", CancellationToken.None);
            await publish.Publish(new CounterRaised("c", "by a command"));
            Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
        });

        Assert.Equal(1, await world.CounterAsync("c"));
        var row = Assert.Single(await world.OutboxAsync());
        Assert.Equal(typeof(CounterRaised).FullName + ", " + typeof(CounterRaised).Assembly.GetName().Name, row.MessageType);
        Assert.Null(row.Destination);
        // Committed, and not on the bus: the message is in the outbox alone.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.True(world.Received.Raised.Count == 0,
            "The message is on the bus already, though no relay has run: publishing inside the unit did not stop at the outbox");

        Assert.Equal(1, await world.RelayOf(world.Hosts[0]).RelayBatchAsync(100, CancellationToken.None));

        Assert.Equal(0, await world.OutboxCountAsync());
        var received = await Eventually.HoldsAsync(() => Task.FromResult(world.Received.Raised), r => r.Count > 0, "the message on the bus");
        var (messageId, message) = Assert.Single(received);
        Assert.Equal(row.MessageId, messageId);
        Assert.Equal(new CounterRaised("c", "by a command"), message);
    }
}
