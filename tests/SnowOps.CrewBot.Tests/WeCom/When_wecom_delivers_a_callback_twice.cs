using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_wecom_delivers_a_callback_twice : WeComSpec
{
    [Fact]
    public async Task Should_take_the_same_click_once()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());
        var click = Click(Zhang, CardText.Data(TaskId, CardText.Accept), LastCardTaskId(), "rc-click-1", Now());
        var texts = Api.TextsTo(Zhang).Count;

        Assert.Equal(System.Net.HttpStatusCode.OK, (await CallbackAsync(click)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await CallbackAsync(click)).StatusCode);

        Assert.Single(Published<TaskAccepted>());
        Assert.Equal(texts + 1, Api.TextsTo(Zhang).Count);
    }

    [Fact]
    public async Task Should_take_a_second_click_at_another_moment_as_a_new_one()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());

        await CallbackAsync(Click(Zhang, CardText.Data(TaskId, CardText.Accept), LastCardTaskId(), "rc-click-1", Now() - 2));
        await CallbackAsync(Click(Zhang, CardText.Data(TaskId, CardText.Accept), LastCardTaskId(), "rc-click-2", Now()));

        Assert.Equal(2, Published<TaskAccepted>().Count);
    }

    [Fact]
    public async Task Should_take_the_same_message_once()
    {
        var code = await EnrolAsync();

        await TextAsync(Zhang, "/start " + code, msgId: 7001);
        await TextAsync(Zhang, "/start " + code, msgId: 7001);

        Assert.Equal(Zhang, Assert.Single(await MembersAsync()).ChatId);
        Assert.Contains("Welcome", Assert.Single(Api.TextsTo(Zhang)), StringComparison.Ordinal);
        Assert.Equal(1, await CrewBot.QueryAsync(db => db.ProcessedUpdates.CountAsync(u => u.Messenger == "wecom")));
    }
}
