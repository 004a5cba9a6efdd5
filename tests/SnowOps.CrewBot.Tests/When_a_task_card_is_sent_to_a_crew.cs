using System.Text;
using SnowOps.Contracts;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_task_card_is_sent_to_a_crew : BotSpec
{
    [Fact]
    public async Task Should_send_every_enrolled_chat_of_the_crew_the_card_with_its_buttons()
    {
        await EnrolJohnAsync();

        await DeliverAsync(Assigned());

        var card = SentTo(Samples.JohnsChat).Last();
        Assert.Contains("De-ice the Tonghui River bridges", card.Text);
        Assert.Contains("de-icing", card.Text);
        Assert.Contains("1.3 km", card.Text);
        Assert.Contains("2026-12-01 08:00", card.Text);
        Assert.Equal([$"{TaskId:N}:a", $"{TaskId:N}:d", $"{TaskId:N}:s", $"{TaskId:N}:c", $"{TaskId:N}:p"], card.ButtonData);
        Assert.All(card.ButtonData, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= 64));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_send_the_card_once_when_the_assignment_is_delivered_twice()
    {
        await EnrolJohnAsync();

        await DeliverAsync(Assigned(), Assigned());

        Assert.Single(SentTo(Samples.JohnsChat), c => c.Text!.Contains("Tonghui"));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_send_it_again_when_dispatch_sends_it_again_because_nobody_answered()
    {
        await EnrolJohnAsync();

        await DeliverAsync(Assigned(sent: 1));

        await DeliverAsync(Assigned(sent: 2), Assigned(sent: 2), Assigned(sent: 1));

        Assert.Equal(2, SentTo(Samples.JohnsChat).Count(c => c.Text!.Contains("Tonghui")));
    }

    [Fact]
    public async Task Should_send_nothing_to_other_crews_or_when_nobody_is_enrolled()
    {
        await EnrolJohnAsync(crew: "plow-7");

        await DeliverAsync(Assigned());

        Assert.DoesNotContain(Bot.CallsOf("sendMessage"), c => c.Text!.Contains("Tonghui"));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_write_the_card_in_the_member_language_and_list_it_under_tasks()
    {
        await EnrolJohnAsync();
        await UpdateAsync(Samples.Text(NextUpdateId(), "/lang zh"));

        await DeliverAsync(Assigned());
        await UpdateAsync(Samples.Text(NextUpdateId(), "/tasks"));

        var sent = SentTo(Samples.JohnsChat);
        Assert.Contains("任务：De-ice the Tonghui River bridges", sent[^2].Text);
        Assert.Equal("接受", (string?)sent[^2].Body["reply_markup"]!["inline_keyboard"]![0]![0]!["text"]);
        Assert.Contains("• De-ice the Tonghui River bridges (已派发", sent[^1].Text);
    }
}
