using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_chat_cannot_be_reached : BotSpec
{
    const string GroupChat = "-713953955";

    [Fact]
    public async Task Should_still_give_the_rest_of_the_crew_the_card_and_its_changes()
    {
        await EnrolJohnAsync();
        var code = await EnrolAsync();
        await UpdateAsync(Samples.Text(NextUpdateId(), "/start@mybot " + code, "update-message-start-at-bot-group.json"));
        Bot.Refuse(GroupChat, "response-error-403-user-deactivated.json");

        await CrewBot.DeliverAsync(Assigned(), Changed(TaskState.Accepted, 5));

        Assert.Contains(SentTo(GroupChat), c => c.Text!.Contains("Tonghui"));
        Assert.Contains(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        Assert.Contains("State: accepted", Assert.Single(Bot.CallsOf("editMessageText")).Text);
        Assert.Equal(Samples.JohnsChat, (await CrewBot.QueryAsync(db => db.SentCards.SingleAsync())).ChatId);
        AssertNoFaults();
    }
}
