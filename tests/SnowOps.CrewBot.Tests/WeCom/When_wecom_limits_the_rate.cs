using Microsoft.EntityFrameworkCore;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_wecom_limits_the_rate : WeComSpec
{
    [Theory]
    [InlineData(45009)]
    [InlineData(45033)]
    public async Task Should_send_the_card_again_rather_than_skip_the_chat(int errcode)
    {
        await EnrolOverWeComAsync();
        Api.FailNextSends(errcode);

        await DeliverAsync(Assigned());

        Assert.Equal(2, Api.CardsTo(Zhang).Count);
        var shown = await CrewBot.QueryAsync(db => db.SentCards.AsNoTracking().SingleAsync());
        Assert.Equal(LastCardTaskId(), shown.MessageId);
        AssertNoFaults();
    }
}
