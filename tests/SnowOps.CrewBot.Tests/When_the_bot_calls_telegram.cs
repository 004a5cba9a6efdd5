using System.Diagnostics;
using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Tests;

public sealed class When_the_bot_calls_telegram
{
    [Fact]
    public void Should_keep_the_bot_token_out_of_the_spans_it_exports()
    {
        using var activity = new Activity("POST /bot" + FakeBotApi.Token + "/sendMessage");
        activity.DisplayName = "POST /bot" + FakeBotApi.Token + "/sendMessage";
        activity.SetTag("url.full", "https://api.telegram.org/bot" + FakeBotApi.Token + "/sendMessage");
        activity.SetTag("http.request.method", "POST");

        new BotTokenRedaction(FakeBotApi.Token).OnEnd(activity);

        Assert.Equal("https://api.telegram.org/bot<bot-token>/sendMessage", activity.GetTagItem("url.full"));
        Assert.Equal("POST /bot<bot-token>/sendMessage", activity.DisplayName);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
    }
}
