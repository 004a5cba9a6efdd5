using Microsoft.EntityFrameworkCore;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_task_card_reaches_wecom : WeComSpec
{
    [Fact]
    public async Task Should_arrive_as_a_button_card_whose_keys_are_the_cards_buttons()
    {
        await EnrolOverWeComAsync();

        await DeliverAsync(Assigned());

        var sent = Api.SentTo(Zhang)[^1];
        Assert.Equal(("template_card", 1000002), ((string?)sent["msgtype"], (int?)sent["agentid"]));
        var card = Assert.Single(Api.CardsTo(Zhang));
        Assert.Equal("button_interaction", (string?)card["card_type"]);
        Assert.Equal("Task: De-ice the Tonghui River bridges", (string?)card["main_title"]!["title"]);
        Assert.Contains("State: assigned", (string?)card["sub_title_text"], StringComparison.Ordinal);
        Assert.Equal([CardText.Data(TaskId, 'a'), CardText.Data(TaskId, 'd'), CardText.Data(TaskId, 's'), CardText.Data(TaskId, 'c'), CardText.Data(TaskId, 'p')], Keys(card));
        Assert.Equal(["Accept", "Decline", "Start", "Done", "Problem"], card["button_list"]!.AsArray().Select(b => (string?)b!["text"]));
        var shown = await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().SingleAsync());
        Assert.Equal(("wecom", Zhang, LastCardTaskId()), (shown.Messenger, shown.ChatId, shown.MessageId));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_send_the_same_assignment_only_once()
    {
        await EnrolOverWeComAsync();

        await DeliverAsync(Assigned(), Assigned());

        Assert.Single(Api.CardsTo(Zhang));
    }
}
