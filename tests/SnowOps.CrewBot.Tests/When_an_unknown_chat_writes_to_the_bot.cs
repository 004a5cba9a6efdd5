using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

public sealed class When_an_unknown_chat_writes_to_the_bot : BotSpec
{
    [Fact]
    public async Task Should_refuse_politely_and_change_nothing()
    {
        await DeliverAsync(Assigned());
        var hello = Samples.Read("update-getUpdates-start-and-text.json")["result"]![1]!.AsObject();

        await UpdateAsync(hello);
        await UpdateAsync(Samples.Text(NextUpdateId(), "/tasks"));
        await UpdateAsync(Samples.Text(NextUpdateId(), "/lang zh"));

        Assert.Equal(3, SentTo(Samples.JohnsChat).Count);
        Assert.All(SentTo(Samples.JohnsChat), c => Assert.Contains("not enrolled", c.Text));
        Assert.Empty(await MembersAsync());
        Assert.Empty(await CrewBot.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.SentCards)));
    }

    [Fact]
    public async Task Should_answer_a_button_press_and_publish_nothing()
    {
        await DeliverAsync(Assigned());

        await UpdateAsync(Samples.Press(NextUpdateId(), CardText.Data(TaskId, CardText.Accept)));

        Assert.Contains("not enrolled", (string?)Assert.Single(Bot.CallsOf("answerCallbackQuery")).Body["text"]);
        Assert.Empty(Published<TaskAccepted>());
        Assert.Empty(Bot.CallsOf("sendMessage"));
    }
}
