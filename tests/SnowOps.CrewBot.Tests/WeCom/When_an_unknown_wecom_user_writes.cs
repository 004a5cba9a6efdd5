using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_an_unknown_wecom_user_writes : WeComSpec
{
    const string Stranger = "wangwu";

    [Fact]
    public async Task Should_answer_how_to_enrol_in_chinese_and_change_nothing()
    {
        await EnrolOverWeComAsync();
        var before = await MembersAsync();

        await TextAsync(Stranger, "/tasks");

        Assert.Contains("尚未登记", Assert.Single(Api.TextsTo(Stranger)), StringComparison.Ordinal);
        var after = await MembersAsync();
        Assert.Equal(before.Select(m => (m.MemberId, m.Messenger, m.ChatId)), after.Select(m => (m.MemberId, m.Messenger, m.ChatId)));
    }

    [Fact]
    public async Task Should_answer_a_click_on_a_forwarded_card_and_report_nothing()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());

        await CallbackAsync(Click(Stranger, CardText.Data(TaskId, CardText.Accept), LastCardTaskId(), "rc-stranger"));

        Assert.Empty(Published<TaskAccepted>());
        Assert.Contains("尚未登记", Assert.Single(Api.TextsTo(Stranger)), StringComparison.Ordinal);
        await DeliverAsync(Changed(TaskState.Accepted, 5));
        Assert.NotEqual("rc-stranger", (string?)Assert.Single(Api.Updated).Body["response_code"]);
    }
}
