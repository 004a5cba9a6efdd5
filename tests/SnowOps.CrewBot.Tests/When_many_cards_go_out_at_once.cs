namespace SnowOps.CrewBot.Tests;

/// <summary>Many cards to many chats, several to one: the bot keeps to its overall limit and to one message a second per chat.</summary>
public sealed class When_many_cards_go_out_at_once : BotSpec
{
    const int Limit = 10;

    protected override TimeSpan PerChatInterval => TimeSpan.FromSeconds(1);

    protected override int MessagesPerSecond => Limit;

    [Fact]
    public async Task Should_keep_to_the_overall_limit_and_one_message_a_second_per_chat()
    {
        var chats = Enumerable.Range(1, 24).Select(i => (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var chat in chats)
            await EnrolChatAsync(chat, crew: "crew-" + chat);
        await EnrolChatAsync(Samples.JohnsChat);
        var toCrews = chats.Select(chat => Assigned(crew: "crew-" + chat) with { TaskId = Guid.NewGuid() });
        var toJohn = Enumerable.Range(1, 4).Select(i => Assigned() with { TaskId = Guid.NewGuid(), Title = $"Salt ramp {i}" });

        await CrewBot.DeliverAsync([.. toCrews, .. toJohn]);
        await QueueDrainedAsync();

        var sent = Bot.CallsOf("sendMessage");
        Assert.Equal(28, sent.Count);
        Assert.All(chats, chat => Assert.Single(SentTo(chat)));
        Assert.Equal(4, SentTo(Samples.JohnsChat).Count);
        var times = sent.Select(c => c.At).Order().ToList();
        var busiest = times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.True(busiest <= Limit, $"{busiest} messages within one second; the limit is {Limit}.");
        foreach (var chat in chats.Append(Samples.JohnsChat))
        {
            var at = SentTo(chat).Select(c => c.At).Order().ToList();
            foreach (var (first, next) in at.Zip(at.Skip(1)))
                Assert.True(next - first >= TimeSpan.FromSeconds(1), $"Chat {chat} got two messages {(next - first).TotalMilliseconds:N0} ms apart.");
        }
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_hold_a_reply_to_a_chat_that_was_just_sent_a_card_until_its_second_is_over()
    {
        await EnrolChatAsync(Samples.JohnsChat);
        await DeliverAsync(Assigned());

        await UpdateAsync(Samples.Text(NextUpdateId(), "/help"));

        var (card, reply) = (SentTo(Samples.JohnsChat)[0], SentTo(Samples.JohnsChat)[1]);
        Assert.Contains("Tonghui", card.Text);
        Assert.Contains("/tasks", reply.Text);
        Assert.True(reply.At - card.At >= TimeSpan.FromSeconds(1), $"The reply came {(reply.At - card.At).TotalMilliseconds:N0} ms after the card.");
    }
}
