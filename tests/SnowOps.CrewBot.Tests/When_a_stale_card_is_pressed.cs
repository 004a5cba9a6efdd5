using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_stale_card_is_pressed : BotSpec
{
    [Fact]
    public async Task Should_say_the_task_is_with_another_crew_and_publish_nothing()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());
        var cardId = await CardMessageIdAsync();
        await DeliverAsync(Assigned(crew: "spreader-2"));

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Accept), cardId));

        Assert.Contains("another crew", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        Assert.Empty(Published<TaskAccepted>());
        // The card the crew still has says so, and has no buttons left.
        var edit = Bot.CallsOf("editMessageText").Single();
        Assert.Contains("Now with another crew", edit.Text);
        Assert.Null(edit.Body["reply_markup"]);
    }

    [Fact]
    public async Task Should_say_the_task_is_finished_when_it_was_cancelled_and_publish_nothing()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned(), Changed(TaskState.Cancelled, 20));

        // The press comes from a card message the bot can no longer see (an inaccessible message).
        var press = Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Done), file: "update-callback-query-inaccessible-message.json");
        press["callback_query"]!["message"]!["chat"]!["id"] = long.Parse(Samples.JohnsChat, System.Globalization.CultureInfo.InvariantCulture);
        await UpdateAsync(press);

        Assert.Equal("This task is already cancelled.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
        Assert.Empty(Published<TaskCompleted>());
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_not_report_a_decline_reason_given_after_the_task_was_finished()
    {
        await EnrolJohnAsync();
        await DeliverAsync(Assigned());
        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Decline), await CardMessageIdAsync()));
        await DeliverAsync(Changed(TaskState.Completed, 30));

        await UpdateAsync(Samples.Text(NextUpdateId(), "too late"));

        Assert.Empty(Published<TaskDeclined>());
        Assert.Contains("already completed", SentTo(Samples.JohnsChat)[^1].Text);
    }

    [Fact]
    public async Task Should_answer_a_button_it_does_not_know()
    {
        await EnrolJohnAsync();

        await UpdateAsync(Samples.Read("update-callback-query-inline-keyboard.json"));

        Assert.Equal("This button is not understood.", (string?)Bot.CallsOf("answerCallbackQuery").Single().Body["text"]);
    }
}
