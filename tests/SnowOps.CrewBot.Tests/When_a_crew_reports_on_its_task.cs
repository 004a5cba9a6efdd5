using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_reports_on_its_task : CardSpec
{
    [Fact]
    public async Task Should_move_the_card_to_accepted_and_then_completed()
    {
        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Accepted, 5));
        Assert.Equal(TaskState.Accepted, (await CardAsync()).State);

        await CrewBot.DeliverAsync(Changed(TaskState.Completed, 50));

        var card = await CardAsync();
        Assert.Equal(TaskState.Completed, card.State);
        Assert.Equal(T0.AddMinutes(50), card.Changed);
        Assert.Equal("De-ice the Tonghui River bridges", card.Title);
        Assert.Equal("spreader-1", card.CrewId);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_apply_each_of_the_changes_dispatch_made_together_to_its_own_card()
    {
        var other = Guid.NewGuid();
        await CrewBot.DeliverAsync(Assigned(), Assigned(other));

        await CrewBot.DeliverAsync(new TaskStateChanges([Changed(TaskState.Accepted, 5), Changed(TaskState.Started, 10, other), Changed(TaskState.Completed, 50)]));

        Assert.Equal((TaskState.Completed, T0.AddMinutes(50)), ((await CardAsync()).State, (await CardAsync()).Changed));
        Assert.Equal((TaskState.Started, T0.AddMinutes(10)), ((await CardAsync(other)).State, (await CardAsync(other)).Changed));
        AssertNoFaults();
    }
}
