using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

/// <summary>Telegram answers a flood with 429 and retry_after: the bot waits that long for the chat, then tries again.</summary>
public sealed class When_telegram_says_too_many_requests : BotSpec
{
    static readonly string[] Chats = ["1001", "1002", "1003", "1004"];

    [Fact]
    public async Task Should_deliver_every_card_once_per_chat_and_call_no_chat_before_retry_after()
    {
        foreach (var chat in Chats)
            await EnrolChatAsync(chat);
        var tasks = Enumerable.Range(1, 3).Select(i => Assigned() with { TaskId = Guid.NewGuid(), Title = $"Clear bus stop {i}" }).ToList();
        // A storm of 429s: more than one call's attempts, so some cards go back to the queue and come again.
        Bot.TooManyRequests(calls: 10, retryAfterSeconds: 1);

        await CrewBot.DeliverAsync([.. tasks]);
        await QueueDrainedAsync();

        Assert.Equal(10, Bot.Calls.Count(c => c.Status == 429));
        foreach (var chat in Chats)
        {
            var calls = SentTo(chat);
            foreach (var task in tasks)
                Assert.Single(calls, c => c.Status == 200 && c.Text!.Contains(task.Title));
            foreach (var (refused, next) in calls.Zip(calls.Skip(1)).Where(p => p.First.Status == 429))
                Assert.True(next.At - refused.At >= TimeSpan.FromSeconds(1),
                    $"Chat {chat} was called {(next.At - refused.At).TotalMilliseconds:N0} ms after a 429 with retry_after 1 s.");
        }
        AssertNoFaults();
    }
}
