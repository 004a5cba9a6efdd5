using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_wecom_callback_is_forged_or_stale : WeComSpec
{
    [Fact]
    public async Task Should_refuse_a_forged_signature_with_403_and_take_nothing()
    {
        var code = await EnrolAsync();

        var response = await CallbackAsync(StartMessage(code), token: "guessed");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingTakenAsync();
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(301)]
    public async Task Should_refuse_a_timestamp_outside_the_replay_window_with_403(int seconds)
    {
        var code = await EnrolAsync();

        var response = await CallbackAsync(StartMessage(code), Now() + seconds);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("timestamp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingTakenAsync();
    }

    [Fact]
    public async Task Should_take_a_timestamp_inside_the_replay_window()
    {
        var code = await EnrolAsync();

        var response = await CallbackAsync(StartMessage(code), Now() - 240);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Zhang, Assert.Single(await MembersAsync()).ChatId);
    }

    static string StartMessage(string code) => $"""
        <xml><ToUserName>ww0123456789abcdef</ToUserName><FromUserName>{Zhang}</FromUserName><CreateTime>{Now()}</CreateTime>
        <MsgType>text</MsgType><Content>/start {code}</Content><MsgId>9001</MsgId><AgentID>1000002</AgentID></xml>
        """;

    async Task AssertNothingTakenAsync()
    {
        Assert.Null(Assert.Single(await MembersAsync()).ChatId);
        Assert.Empty(Api.Sent);
        Assert.Equal(0, await CrewBot.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }
}
