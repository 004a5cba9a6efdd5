using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_crew_member_enrols_over_wecom : WeComSpec
{
    [Fact]
    public async Task Should_bind_the_wecom_user_who_sends_start_with_the_code()
    {
        await EnrolOverWeComAsync();

        var member = Assert.Single(await MembersAsync());
        Assert.Equal(("wecom", Zhang, Crew, true), (member.Messenger, member.ChatId, member.CrewId, member.CodeUsed));
        Assert.Contains("crew spreader-1", Assert.Single(Api.TextsTo(Zhang)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_bind_a_member_to_the_wecom_userid_the_admin_gives_without_a_code()
    {
        var result = await EnrolAsync(new MemberEndpoints.Enrol(Crew, "Li Si", "zh", " lisi.02@north "));

        Assert.Equal(201, (result as IStatusCodeHttpResult)?.StatusCode);
        var member = Assert.Single(await MembersAsync());
        Assert.Equal(("wecom", "lisi.02@north", "zh"), (member.Messenger, member.ChatId, member.Language));
        Assert.True(member.CodeUsed);

        await DeliverAsync(Assigned());
        Assert.Single(Api.CardsTo("lisi.02@north"));
    }

    [Fact]
    public async Task Should_refuse_a_wecom_userid_another_member_holds_with_409()
    {
        await EnrolOverWeComAsync();

        var result = await EnrolAsync(new MemberEndpoints.Enrol("plow-2", "Someone Else", "en", Zhang));

        Assert.Equal(409, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.Equal(Crew, Assert.Single(await MembersAsync(), m => m.ChatId == Zhang).CrewId);
        Assert.Single(await MembersAsync());
    }

    [Fact]
    public async Task Should_bind_a_wecom_userid_once_when_two_admins_bind_it_at_the_same_moment()
    {
        var binds = Enumerable.Range(0, 4).Select(i => CrewBot.QueryAsync(db =>
            new CrewEnrolment(db, TimeProvider.System).EnrolBoundAsync($"plow-{i}", $"Admin {i}'s pick", "zh", WeComMessenger.Key, "wangwu", default)));

        var members = await Task.WhenAll(binds);

        Assert.Single(members, m => m is not null);
        Assert.Single(await MembersAsync(), m => m.ChatId == "wangwu");
    }

    [Theory]
    [InlineData("")]
    [InlineData("zhang san")]
    [InlineData("-zhangsan")]
    [InlineData("张三")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Should_refuse_a_malformed_wecom_userid_with_400(string userId)
    {
        var result = await EnrolAsync(new MemberEndpoints.Enrol(Crew, "Li Si", "zh", userId));

        Assert.Equal(400, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.Empty(await MembersAsync());
    }

    [Fact]
    public async Task Should_refuse_a_wecom_userid_with_422_where_wecom_is_off()
    {
        IResult? result = null;
        await CrewBot.WithServicesAsync(async sp => result = await MemberEndpoints.EnrolAsync(
            new MemberEndpoints.Enrol(Crew, "Li Si", "zh", "lisi"), sp.GetRequiredService<CrewEnrolment>(), new WeComOptions(), default));

        Assert.Equal(422, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.Empty(await MembersAsync());
    }

    async Task<IResult?> EnrolAsync(MemberEndpoints.Enrol request)
    {
        IResult? result = null;
        await CrewBot.WithServicesAsync(async sp => result = await MemberEndpoints.EnrolAsync(
            request, sp.GetRequiredService<CrewEnrolment>(), sp.GetRequiredService<WeComOptions>(), default));
        return result;
    }
}
