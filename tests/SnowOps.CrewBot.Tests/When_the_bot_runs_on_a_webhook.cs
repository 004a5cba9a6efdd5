namespace SnowOps.CrewBot.Tests;

public sealed class When_the_bot_runs_on_a_webhook : BotSpec
{
    protected override string? WebhookUrl => "https://snowops.example.org/api/telegram/webhook";

    [Fact]
    public async Task Should_register_the_webhook_with_its_secret_at_start()
    {
        await WaitUntilAsync(() => Bot.CallsOf("setWebhook").Count > 0);

        var call = Assert.Single(Bot.CallsOf("setWebhook"));
        Assert.Equal(WebhookUrl, (string?)call.Body["url"]);
        Assert.Equal(Secret, (string?)call.Body["secret_token"]);
        Assert.Equal("""["message","edited_message","callback_query"]""", call.Body["allowed_updates"]!.ToJsonString());
        Assert.Empty(Bot.CallsOf("getUpdates"));
    }
}
