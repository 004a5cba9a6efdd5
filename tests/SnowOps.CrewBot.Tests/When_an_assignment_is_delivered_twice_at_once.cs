using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests;

/// <summary>The bus delivers at least once, and two copies of one message can be consumed at the same moment.</summary>
public sealed class When_an_assignment_is_delivered_twice_at_once : BotSpec
{
    static readonly string[] Chats = ["3001", "3002", "3003"];

    [Fact]
    public async Task Should_send_each_chat_the_card_once()
    {
        foreach (var chat in Chats)
            await EnrolChatAsync(chat);
        var assigned = Assigned();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CrewBot.Harness.Bus.Publish(assigned)));
        await WaitUntilAsync(() => Consumed() >= 6);
        await CrewBot.Harness.QuietAsync();
        await QueueDrainedAsync();

        Assert.All(Chats, chat => Assert.Single(SentTo(chat)));
        Assert.Equal(3, Bot.CallsOf("sendMessage").Count);
        AssertNoFaults();
    }

    int Consumed() => CrewBot.Harness.Consumed.Select<SnowOps.Contracts.TaskAssigned>(new CancellationToken(canceled: true)).Count();
}
