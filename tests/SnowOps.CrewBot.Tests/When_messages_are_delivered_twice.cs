using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

/// <summary>The bus delivers at least once: a redelivered assignment or report changes nothing.</summary>
public sealed class When_messages_are_delivered_twice : CardSpec
{
    [Fact]
    public async Task Should_change_nothing_when_every_message_comes_again()
    {
        object[] story = [Assigned(), Changed(TaskState.Accepted, 5), Changed(TaskState.Completed, 50)];
        await CrewBot.DeliverAsync(story);
        var once = (await CardsAsync()).Select(Describe).ToList();

        await CrewBot.DeliverAsync(story);

        Assert.Equal(6, CrewBot.Harness.Consumed.Select<TaskAssigned>().Count() + CrewBot.Harness.Consumed.Select<TaskStateChanged>().Count());
        Assert.Equal(once, (await CardsAsync()).Select(Describe).ToList());
        Assert.Equal(TaskState.Completed, Assert.Single(await CardsAsync()).State);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_keep_one_card_when_the_assignment_comes_twice()
    {
        await CrewBot.DeliverAsync(Assigned(), Assigned());

        var card = Assert.Single(await CardsAsync());
        Assert.Equal(TaskState.Assigned, card.State);
        AssertNoFaults();
    }
}
