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
}
