namespace SnowOps.CrewBot.Tests;

/// <summary>
/// A card whose every attempt met a 429 goes back to the queue for the retry_after Telegram gave; the sender comes back
/// to it when it falls due, not only at its next look at the queue.
/// </summary>
public sealed class When_a_card_is_put_back_after_a_429 : BotSpec
{
    protected override int TooManyRequestsAttempts => 1;

    protected override TimeSpan QueuePollInterval => TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_send_it_once_retry_after_has_passed()
    {
        await EnrolJohnAsync();
        Bot.TooManyRequests(calls: 1, retryAfterSeconds: 1);

        await DeliverAsync(Assigned());

        var calls = SentTo(Samples.JohnsChat).Where(c => c.Text!.Contains("Tonghui", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        var waited = calls[1].At - calls[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        AssertNoFaults();
    }
}
