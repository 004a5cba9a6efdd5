using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// The outbound queue is in the database: what was queued while no sender ran (before a restart) goes out once one
/// starts, and is made from the card as it is then.
/// </summary>
public sealed class When_cards_were_queued_before_the_sender_started : BotSpec
{
    const string GroupChat = "-713953955";
    const string OtherChat = "424242";

    protected override bool StartsSender => false;

    [Fact]
    public async Task Should_send_them_once_a_sender_starts()
    {
        await EnrolChatAsync(Samples.JohnsChat);
        await EnrolChatAsync(GroupChat);
        await CrewBot.DeliverAsync(Assigned());
        Assert.Empty(Bot.CallsOf("sendMessage"));
        Assert.Equal(2, await CrewBot.QueryAsync(db => db.SentCards.CountAsync(s => s.Queued != null)));

        await StartSenderAsync();
        await QueueDrainedAsync();

        Assert.Single(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        Assert.Single(SentTo(GroupChat), c => c.Text!.Contains("Tonghui"));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_not_send_again_a_card_a_stopped_sender_had_claimed()
    {
        await EnrolChatAsync(Samples.JohnsChat);
        await EnrolChatAsync(OtherChat);
        await CrewBot.DeliverAsync(Assigned());
        // As a sender leaves a row it stopped on between calling Telegram and saving the outcome.
        await CrewBot.QueryAsync(db => db.SentCards.Where(s => s.ChatId == OtherChat).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Claimed, DateTimeOffset.UtcNow).SetProperty(s => s.Anew, false).SetProperty(s => s.Sent, 1)
            .SetProperty(s => s.ShownCrewId, Crew)));

        await StartSenderAsync();
        await QueueDrainedAsync();

        Assert.Single(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        Assert.Empty(SentTo(OtherChat));
        var other = await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().SingleAsync(s => s.ChatId == OtherChat));
        Assert.Equal((1, (DateTimeOffset?)null, (DateTimeOffset?)null), (other.Sent, other.Claimed, other.Queued));
    }

    [Fact]
    public async Task Should_send_one_message_for_sendings_and_changes_that_came_before_it_could_go_out()
    {
        await EnrolChatAsync(Samples.JohnsChat);
        await CrewBot.DeliverAsync(Assigned(sent: 1), Assigned(sent: 2), Changed(TaskState.Accepted, 5));

        await StartSenderAsync();
        await QueueDrainedAsync();

        var card = Assert.Single(Bot.CallsOf("sendMessage"));
        Assert.Contains("State: accepted", card.Text);
        Assert.Empty(Bot.CallsOf("editMessageText"));
        Assert.Equal(2, (await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().SingleAsync())).Sent);
    }

    [Fact]
    public async Task Should_not_send_a_card_that_went_to_another_crew_meanwhile()
    {
        await EnrolChatAsync(Samples.JohnsChat);
        await CrewBot.DeliverAsync(Assigned(), Assigned(crew: "spreader-2"));

        await StartSenderAsync();
        await QueueDrainedAsync();

        Assert.Empty(Bot.CallsOf("sendMessage"));
        Assert.Empty(Bot.CallsOf("editMessageText"));
    }
}
