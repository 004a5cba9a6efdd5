using MassTransit;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>
/// Two replicas of a module (two hosts, each with its own relay, bus connection and database pool) send the same
/// PostgreSQL outbox at the same time.
/// </summary>
public sealed class When_two_relays_share_an_outbox
{
    const int Units = 20;
    const int PerUnit = 150;
    const int BatchSize = 50;

    [Fact]
    public async Task Should_send_each_row_exactly_once()
    {
        await using var world = await CounterWorld.StartAsync(Mode.Distributed, hosts: 2, relays: false);
        for (var unit = 0; unit < Units; unit++)
            await world.RunUnitAsync(async (_, publish) =>
            {
                for (var i = 0; i < PerUnit; i++)
                    await publish.Publish(new CounterRaised("c", $"{unit}/{i}"));
            }, world.Hosts[unit % 2].Services);
        var saved = (await world.OutboxAsync()).Select(r => r.MessageId).ToHashSet();
        Assert.Equal(Units * PerUnit, saved.Count);

        var relays = world.Hosts.Select(world.RelayOf).ToList();
        var sent = await Task.WhenAll(relays.Select(async relay =>
        {
            var total = 0;
            for (int n; (n = await relay.RelayBatchAsync(BatchSize, CancellationToken.None)) > 0;)
                total += n;
            return total;
        }));

        Assert.Equal(0, await world.OutboxCountAsync());
        Assert.Equal(Units * PerUnit, sent.Sum());
        Assert.All(sent, n => Assert.True(n > 0, $"each relay should have sent a share; they sent {string.Join(" and ", sent)}"));
        var received = await Eventually.HoldsAsync(() => Task.FromResult(world.Received.Raised), r => r.Count >= saved.Count,
            "every row on the bus", seconds: 20);
        // Copies sent twice would come after the originals: give them a moment.
        await Task.Delay(TimeSpan.FromSeconds(1));
        received = world.Received.Raised;
        var ids = received.Select(r => r.MessageId).ToList();
        Assert.True(ids.Count == saved.Count && ids.Distinct().Count() == saved.Count,
            $"{saved.Count} rows were sent, {ids.Count} messages ({ids.Distinct().Count()} distinct ids) reached the bus");
        Assert.True(saved.SetEquals(ids), "the messages received should be the rows saved");
    }
}
