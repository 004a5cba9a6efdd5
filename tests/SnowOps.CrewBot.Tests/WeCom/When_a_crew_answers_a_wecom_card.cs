using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_crew_answers_a_wecom_card : WeComSpec
{
    [Fact]
    public async Task Should_report_accepted_and_update_the_card_with_the_clicks_response_code()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());
        var cardTaskId = LastCardTaskId();

        await CallbackAsync(Click(Zhang, CardText.Data(TaskId, CardText.Accept), cardTaskId, "rc-click-accept"));

        var accepted = Assert.Single(Published<TaskAccepted>());
        Assert.Equal((TaskId, Crew), (accepted.TaskId, accepted.CrewId));
        Assert.Equal("Sent: accepted", Api.TextsTo(Zhang)[^1]);
        Assert.Empty(Api.Updated);

        await DeliverAsync(Changed(TaskState.Accepted, 5));

        var update = Assert.Single(Api.Updated).Body;
        Assert.Equal("rc-click-accept", (string?)update["response_code"]);
        Assert.Equal([Zhang], update["userids"]!.AsArray().Select(u => (string?)u));
        var card = update["template_card"]!.AsObject();
        Assert.Equal(cardTaskId, (string?)card["task_id"]);
        Assert.Contains("State: accepted", (string?)card["sub_title_text"], StringComparison.Ordinal);
        Assert.Equal([CardText.Data(TaskId, 's'), CardText.Data(TaskId, 'c'), CardText.Data(TaskId, 'd'), CardText.Data(TaskId, 'p')], Keys(card));
        Assert.Single(Api.CardsTo(Zhang));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_send_a_new_card_once_the_code_is_spent_and_update_that_one_next()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());
        // The fake numbers its answers: the card was its latest send.
        var sendCode = $"rc-{Api.Sent.Count}";

        // The send's own code updates the card once; then no code is left until someone clicks.
        await DeliverAsync(Changed(TaskState.Accepted, 5));
        Assert.Equal(sendCode, (string?)Assert.Single(Api.Updated).Body["response_code"]);

        await DeliverAsync(Changed(TaskState.Started, 10));
        var cards = Api.CardsTo(Zhang);
        Assert.Equal(2, cards.Count);
        Assert.NotEqual((string?)cards[0]["task_id"], (string?)cards[1]["task_id"]);
        Assert.Equal([CardText.Data(TaskId, 'c'), CardText.Data(TaskId, 'p')], Keys(cards[1]));

        await DeliverAsync(Changed(TaskState.Cancelled, 20));
        var last = Api.Updated.Last().Body["template_card"]!.AsObject();
        Assert.Equal((string?)cards[1]["task_id"], (string?)last["task_id"]);
        Assert.Contains("State: cancelled", (string?)last["sub_title_text"], StringComparison.Ordinal);
        Assert.Empty(Keys(last));
        Assert.Equal("已处理", (string?)last["replace_text"]);
        Assert.Equal(2, Api.Updated.Count);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_state_the_finished_card_in_a_text_when_no_code_is_left()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());
        await DeliverAsync(Changed(TaskState.Accepted, 5));
        var texts = Api.TextsTo(Zhang).Count;

        await DeliverAsync(Changed(TaskState.Cancelled, 20));

        Assert.Single(Api.Updated);
        Assert.Single(Api.CardsTo(Zhang));
        Assert.Equal(texts + 1, Api.TextsTo(Zhang).Count);
        Assert.Contains("State: cancelled", Api.TextsTo(Zhang)[^1], StringComparison.Ordinal);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_ask_why_on_decline_and_report_the_next_text_as_the_reason()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());

        await CallbackAsync(Click(Zhang, CardText.Data(TaskId, CardText.Decline), LastCardTaskId(), "rc-click-decline"));
        Assert.Empty(Published<TaskDeclined>());
        Assert.Contains("Why do you decline \"De-ice the Tonghui River bridges\"", Api.TextsTo(Zhang)[^1], StringComparison.Ordinal);

        await TextAsync(Zhang, "Spreader broke down at the depot");

        var declined = Assert.Single(Published<TaskDeclined>());
        Assert.Equal((TaskId, Crew, "Spreader broke down at the depot"), (declined.TaskId, declined.CrewId, declined.Reason));
        Assert.Equal("Declined \"De-ice the Tonghui River bridges\": Spreader broke down at the depot", Api.TextsTo(Zhang)[^1]);
        Assert.Empty(Published<TaskAccepted>());
    }
}
