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

        await DeliverAsync(Assigned());
        await DeliverAsync(Changed(TaskState.Accepted, 5));

        Assert.Contains(SentTo(GroupChat), c => c.Text!.Contains("Tonghui"));
        Assert.Contains(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        Assert.Contains("State: accepted", Assert.Single(Bot.CallsOf("editMessageText")).Text);
        // The group's row is done with, though it has no message: it neither waits in the queue nor holds up John's.
        var rows = await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().ToListAsync());
        Assert.Equal(Samples.JohnsChat, Assert.Single(rows, r => r.MessageId.Length > 0).ChatId);
        Assert.All(rows, r => Assert.Null(r.Queued));
        AssertNoFaults();
    }
}
