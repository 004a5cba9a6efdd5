using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_task_is_assigned_to_a_crew : CardSpec
{
    [Fact]
    public async Task Should_make_a_card_for_the_crew_with_the_task_title_and_kind()
    {
        await CrewBot.DeliverAsync(Assigned());

        var card = await CardAsync();
        Assert.Equal("spreader-1", card.CrewId);
        Assert.Equal("De-ice the Tonghui River bridges", card.Title);
        Assert.Equal(TaskKind.DeIcing, card.Kind);
        Assert.Equal(TaskState.Assigned, card.State);
        Assert.Equal(SnowEvent, card.SnowEventId);
        Assert.Equal(1250.5, card.LengthMeters);
        Assert.Equal(T0.AddHours(2), card.Due);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_make_one_card_per_task()
    {
        var other = Guid.NewGuid();

        await CrewBot.DeliverAsync(Assigned(), Assigned(other));

        Assert.Equal(2, (await CardsAsync()).Count);
        Assert.Equal(TaskState.Assigned, (await CardAsync(other)).State);
    }
}
