using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

/// <summary>A state change can reach CrewBot before the assignment it belongs to.</summary>
public sealed class When_a_report_overtakes_its_assignment : CardSpec
{
    [Fact]
    public async Task Should_keep_the_completed_state_and_fill_in_the_task_when_the_assignment_arrives()
    {
        await CrewBot.DeliverAsync(Changed(TaskState.Completed, 50));
        Assert.Equal(TaskState.Completed, (await CardAsync()).State);

        await CrewBot.DeliverAsync(Assigned());

        var card = await CardAsync();
        Assert.Equal(TaskState.Completed, card.State);
        Assert.Equal("De-ice the Tonghui River bridges", card.Title);
        Assert.Equal(TaskKind.DeIcing, card.Kind);
        Assert.Equal("spreader-1", card.CrewId);
        Assert.Equal(1250.5, card.LengthMeters);
        Assert.Equal(T0.AddHours(2), card.Due);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_not_fall_back_to_assigned_after_being_accepted_and_started()
    {
        await CrewBot.DeliverAsync(Changed(TaskState.Accepted, 5), Changed(TaskState.Started, 10), Assigned());

        var card = await CardAsync();
        Assert.Equal(TaskState.Started, card.State);
        Assert.Equal("De-ice the Tonghui River bridges", card.Title);
    }
}
