using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_declined_task_goes_to_the_next_crew : BotSpec
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_send_the_next_crew_its_card_whichever_of_assignment_and_state_change_comes_first(bool assignmentFirst)
    {
        await EnrolJohnAsync(crew: "spreader-2");
        await DeliverAsync(Assigned(), Changed(TaskState.Declined, 5));
        object[] handOver = [Assigned(crew: "spreader-2"), Changed(TaskState.Assigned, 6, crew: "spreader-2")];

        await DeliverAsync(assignmentFirst ? handOver : handOver.Reverse().ToArray());

        var card = Assert.Single(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        Assert.Contains("State: assigned", card.Text);
        Assert.Equal(5, card.ButtonData.Count);
        AssertNoFaults();
    }
}
