using System.Text.Json;
using MassTransit.Serialization;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.IntegrationTests.Outbox;

/// <summary>
/// A relay sent a command from its outbox and stopped before removing the row (a crash): the row is still there, with
/// the id of a message its consumers have handled, and the next relay sends it again.
/// </summary>
public sealed class When_the_relay_sends_a_message_again
{
    [Theory]
    [InlineData(Mode.Embedded)]
    [InlineData(Mode.Distributed)]
    public async Task Should_not_double_its_effect(Mode mode)
    {
        await using var world = await CounterWorld.StartAsync(mode);
        await world.SeedAsync("c", TallyConsumer.TallyOf("c"));
        var id = Guid.NewGuid();
        var command = new RaiseCounter("c");

        await world.PublishAsync(command, id);
        await Eventually.HoldsAsync(() => Task.FromResult(world.Deliveries.Of(id)), n => n == 2, "the command done by both consumers");
        Assert.Equal(1, await world.CounterAsync("c"));

        await world.AskAsync(db =>
        {
            db.Add(new OutboxMessage
            {
                MessageId = id,
                MessageType = $"{typeof(RaiseCounter).FullName}, {typeof(RaiseCounter).Assembly.GetName().Name}",
                Body = JsonSerializer.Serialize(command, SystemTextJsonMessageSerializer.Options),
                Saved = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        await Eventually.HoldsAsync(() => Task.FromResult(world.Deliveries.Of(id)), n => n == 4, "the resent command done by both consumers");

        await When_a_message_comes_twice.ShouldHaveHandledOnceAsync(world, "c", id);
    }
}
