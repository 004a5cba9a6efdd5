using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Tests;

public sealed class When_the_bot_polls_for_updates : BotSpec
{
    protected override TelegramMode Mode => TelegramMode.Polling;

    [Fact]
    public async Task Should_take_the_updates_it_is_given_and_confirm_them_with_the_next_offset()
    {
        var code = await EnrolAsync();
        var sample = Samples.Read("update-getUpdates-start-and-text.json")["result"]!.AsArray();
        var start = sample[0]!.DeepClone().AsObject();
        start["message"]!["text"] = "/start " + code;
        var hello = sample[1]!.DeepClone().AsObject();

        Bot.Feed(start);
        Bot.Feed(hello);
        await WaitUntilAsync(() => SentTo(Samples.JohnsChat).Count == 2);

        Assert.Equal(Samples.JohnsChat, Assert.Single(await MembersAsync()).ChatId);
        Assert.Contains("Welcome", SentTo(Samples.JohnsChat)[0].Text);
        Assert.Contains("did not understand", SentTo(Samples.JohnsChat)[1].Text);
        await WaitUntilAsync(() => Bot.CallsOf("getUpdates").Any(c => (long?)c.Body["offset"] == 166770236));
        Assert.NotEmpty(Bot.CallsOf("deleteWebhook"));
    }
}
