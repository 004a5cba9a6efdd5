using Microsoft.EntityFrameworkCore;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_webhook_call_arrives : BotSpec
{
    [Fact]
    public async Task Should_refuse_a_wrong_secret_with_403_and_take_nothing()
    {
        var code = await EnrolAsync();

        var status = await WebhookAsync(Samples.Text(NextUpdateId(), "/start " + code), "not-the-secret");

        Assert.Equal(403, status);
        Assert.Null(Assert.Single(await MembersAsync()).ChatId);
        Assert.Empty(Bot.Calls);
        Assert.Equal(0, await CrewBot.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_call_without_the_secret_with_401()
    {
        var status = await WebhookAsync(Samples.Read("update-message-start-deeplink.json"), null);

        Assert.Equal(401, status);
        Assert.Empty(Bot.Calls);
    }

    [Fact]
    public async Task Should_take_an_update_with_the_right_secret_once_however_often_it_comes()
    {
        var code = await EnrolAsync();
        var update = Samples.Text(NextUpdateId(), "/start " + code);

        Assert.Equal(200, await WebhookAsync(update, Secret));
        Assert.Equal(200, await WebhookAsync(update, Secret));

        Assert.Equal(Samples.JohnsChat, Assert.Single(await MembersAsync()).ChatId);
        var reply = Assert.Single(Bot.CallsOf("sendMessage"));
        Assert.Contains("Welcome", reply.Text);
        Assert.Equal(1, await CrewBot.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_an_update()
    {
        var status = await WebhookAsync(new System.Text.Json.Nodes.JsonObject { ["update_id"] = "twelve" }, Secret);

        Assert.Equal(400, status);
    }
}
