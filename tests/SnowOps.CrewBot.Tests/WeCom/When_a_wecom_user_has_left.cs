using Microsoft.EntityFrameworkCore;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_wecom_user_has_left : WeComSpec
{
    const string Li = "lisi";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_still_send_the_card_to_the_rest_of_the_crew(bool refusedWithAnError)
    {
        await EnrolOverWeComAsync(Zhang);
        await EnrolOverWeComAsync(Li);
        if (refusedWithAnError)
            Api.Leave(Zhang);
        else
            Api.LeaveQuietly(Zhang);

        await DeliverAsync(Assigned());

        Assert.Single(Api.CardsTo(Li));
        Assert.Single(Api.CardsTo(Zhang)); // tried, and refused as an invalid user
        // Both rows are done with; only Li's copy is a message that later changes can update.
        var shown = await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().OrderBy(s => s.ChatId)
            .Select(s => new { s.ChatId, HasMessage = s.MessageId != "", s.Queued }).ToListAsync());
        Assert.Equal([(Li, true), (Zhang, false)], shown.Select(s => (s.ChatId, s.HasMessage)));
        Assert.All(shown, s => Assert.Null(s.Queued));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_take_a_callback_whose_answer_cannot_reach_the_user()
    {
        await EnrolOverWeComAsync(Zhang);
        Api.Leave(Zhang);

        var response = await TextAsync(Zhang, "/help");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await CrewBot.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }
}
