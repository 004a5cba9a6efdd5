using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

/// <summary>Each change carries the time it happened; the card shows the latest one, whatever the arrival order.</summary>
public sealed class When_an_older_report_arrives_late : CardSpec
{
    [Fact]
    public async Task Should_not_roll_the_card_back_from_completed_to_accepted()
    {
        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Completed, 50), Changed(TaskState.Accepted, 5));

        var card = await CardAsync();
        Assert.Equal(TaskState.Completed, card.State);
        Assert.Equal(T0.AddMinutes(50), card.Changed);
    }

    [Fact]
    public async Task Should_compare_change_times_as_instants_whatever_their_offset()
    {
        // The acceptance is sent in UTC (22:05 the day before), the completion in Beijing time (06:50):
        // the completion is still the later of the two.
        var acceptedInUtc = Changed(TaskState.Accepted, 5) with { Changed = T0.AddMinutes(5).ToUniversalTime() };

        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Completed, 50), acceptedInUtc);

        Assert.Equal(TaskState.Completed, (await CardAsync()).State);
    }

    [Fact]
    public async Task Should_end_with_the_same_card_as_when_everything_arrived_in_order()
    {
        var reversedTask = Guid.NewGuid();
        object[] Story(Guid id) =>
        [
            Assigned(id), Changed(TaskState.Accepted, 5, id), Changed(TaskState.Started, 10, id), Changed(TaskState.Completed, 50, id),
        ];

        await CrewBot.DeliverAsync(Story(TaskId));
        await CrewBot.DeliverAsync(Story(reversedTask).Reverse().ToArray());

        var inOrder = await CardAsync();
        Assert.Equal(TaskState.Completed, inOrder.State);
        Assert.Equal(Describe(inOrder), Describe(await CardAsync(reversedTask)));
    }
}
