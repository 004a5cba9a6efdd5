using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_works_a_task_from_its_card : BotSpec
{
    [Fact]
    public async Task Should_report_accepted_started_and_completed_and_show_each_state_on_the_card()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());
        var cardId = await CardMessageIdAsync();

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Accept), cardId));
        Assert.Equal(new TaskAccepted(TaskId, Crew, Published<TaskAccepted>().Single().Accepted), Published<TaskAccepted>().Single());
        await DeliverAsync(Changed(TaskState.Accepted, 5));

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Start), cardId));
        Assert.Equal(Crew, Assert.Single(Published<TaskStarted>()).CrewId);
        await DeliverAsync(Changed(TaskState.Started, 10));

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Done), cardId));
        Assert.Equal(Crew, Assert.Single(Published<TaskCompleted>()).CrewId);
        await DeliverAsync(Changed(TaskState.Completed, 50));

        Assert.Equal(3, Bot.CallsOf("answerCallbackQuery").Count);
        var edits = Bot.CallsOf("editMessageText");
        Assert.Equal(3, edits.Count);
        Assert.All(edits, e => Assert.Equal(cardId, (int)e.Body["message_id"]!));
        Assert.Contains("State: accepted", edits[0].Text);
        Assert.Equal([$"{TaskId:N}:s", $"{TaskId:N}:c", $"{TaskId:N}:d", $"{TaskId:N}:p"], edits[0].ButtonData);
        Assert.Contains("State: started", edits[1].Text);
        Assert.Equal([$"{TaskId:N}:c", $"{TaskId:N}:p"], edits[1].ButtonData);
        Assert.Contains("State: completed", edits[2].Text);
        Assert.Null(edits[2].Body["reply_markup"]);
        Assert.Empty(Published<TaskDeclined>());
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_show_the_newest_of_the_changes_dispatch_made_together_on_the_card()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());
        var cardId = await CardMessageIdAsync();

        await DeliverAsync(new TaskStateChanges([Changed(TaskState.Started, 10), Changed(TaskState.Completed, 50)]));

        var edits = Bot.CallsOf("editMessageText");
        Assert.NotEmpty(edits);
        Assert.All(edits, e => Assert.Equal(cardId, (int)e.Body["message_id"]!));
        Assert.Contains("State: completed", edits[^1].Text);
        Assert.Null(edits[^1].Body["reply_markup"]);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_ask_why_on_decline_and_report_the_next_text_as_the_reason()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Decline), await CardMessageIdAsync()));
        Assert.Empty(Published<TaskDeclined>());
        var prompt = SentTo(Samples.JohnsChat)[^1];
        Assert.Contains("Why do you decline", prompt.Text);
        Assert.True((bool?)prompt.Body["reply_markup"]?["force_reply"]);

        await UpdateAsync(Samples.Text(NextUpdateId(), "Spreader broke down at the depot"));

        var declined = Assert.Single(Published<TaskDeclined>());
        Assert.Equal((TaskId, Crew, "Spreader broke down at the depot"), (declined.TaskId, declined.CrewId, declined.Reason));

        await UpdateAsync(Samples.Text(NextUpdateId(), "and one more thing"));
        Assert.Single(Published<TaskDeclined>());
    }

    [Fact]
    public async Task Should_take_a_press_on_the_same_update_only_once()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());
        var press = Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Accept), await CardMessageIdAsync());

        Assert.True(await UpdateAsync(press));
        Assert.False(await UpdateAsync(press));

        Assert.Single(Published<TaskAccepted>());
        Assert.Single(Bot.CallsOf("answerCallbackQuery"));
    }
}
