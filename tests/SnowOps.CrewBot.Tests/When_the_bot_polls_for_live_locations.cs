using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Tests;

public sealed class When_the_bot_polls_for_live_locations : BotSpec
{
    protected override TelegramMode Mode => TelegramMode.Polling;

    [Fact]
    public async Task Should_ask_for_edited_messages_which_carry_the_moves_of_a_live_location()
    {
        await WaitUntilAsync(() => Bot.CallsOf("getUpdates").Count > 0);

        Assert.Equal("""["message","edited_message","callback_query"]""", Bot.CallsOf("getUpdates")[0].Body["allowed_updates"]!.ToJsonString());
    }
}
