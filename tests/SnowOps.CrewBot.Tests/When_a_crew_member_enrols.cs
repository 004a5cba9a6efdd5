using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_member_enrols : BotSpec
{
    [Fact]
    public async Task Should_bind_the_chat_that_sends_start_with_the_code_to_the_member_and_its_crew()
    {
        var code = await EnrolAsync();

        await UpdateAsync(Samples.Text(NextUpdateId(), "/start " + code));

        var member = Assert.Single(await MembersAsync());
        Assert.Equal(Samples.JohnsChat, member.ChatId);
        Assert.Equal("telegram", member.Messenger);
        Assert.Equal(Crew, member.CrewId);
        Assert.True(member.CodeUsed);
        Assert.Contains("spreader-1", Assert.Single(SentTo(Samples.JohnsChat)).Text);
    }

    [Fact]
    public async Task Should_store_only_a_hash_of_the_code()
    {
        var code = await EnrolAsync();

        var member = Assert.Single(await MembersAsync());
        Assert.DoesNotContain(code, member.CodeHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CrewEnrolment.Hash(code), member.CodeHash);
        Assert.Equal(member.Created.AddHours(24), member.CodeExpires);
    }

    [Fact]
    public async Task Should_refuse_a_code_used_before_and_leave_the_first_chat_bound()
    {
        var code = await EnrolAsync();
        await UpdateAsync(Samples.Text(NextUpdateId(), "/start " + code));

        // The same code from a group chat.
        await UpdateAsync(Samples.Text(NextUpdateId(), "/start@mybot " + code, "update-message-start-at-bot-group.json"));

        Assert.Equal(Samples.JohnsChat, Assert.Single(await MembersAsync()).ChatId);
        Assert.Contains("already used or expired", Assert.Single(SentTo("-713953955")).Text);
    }

    [Fact]
    public async Task Should_refuse_an_expired_code()
    {
        var code = await EnrolAsync();
        await CrewBot.QueryAsync(async db =>
        {
            var member = db.Members.Single();
            member.CodeExpires = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        await UpdateAsync(Samples.Text(NextUpdateId(), "/start " + code));

        Assert.Null(Assert.Single(await MembersAsync()).ChatId);
        Assert.Contains("expired", Assert.Single(SentTo(Samples.JohnsChat)).Text);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_code_in_the_sender_language()
    {
        var update = Samples.Text(NextUpdateId(), "/start NOTACODE1");
        update["message"]!["from"]!["language_code"] = "zh-hans";

        await UpdateAsync(update);

        Assert.Contains("登记码", Assert.Single(SentTo(Samples.JohnsChat)).Text);
    }

    [Fact]
    public async Task Should_answer_201_with_the_member_and_a_code()
    {
        IResult? result = null;
        await CrewBot.WithServicesAsync(async sp =>
            result = await MemberEndpoints.EnrolAsync(new MemberEndpoints.Enrol(Crew, "Wang Wei", "zh"), sp.GetRequiredService<CrewEnrolment>(), new WeComOptions(), default));

        Assert.Equal(201, (result as IStatusCodeHttpResult)?.StatusCode);
        var member = Assert.Single(await MembersAsync());
        Assert.Equal("zh", member.Language);
        Assert.Equal("Wang Wei", member.Name);
    }

    [Theory]
    [InlineData(null, "Wang Wei", "zh")]
    [InlineData("spreader-1", "", "zh")]
    [InlineData("spreader-1", "Wang Wei", "de")]
    public async Task Should_refuse_an_enrolment_without_crew_name_or_a_known_language(string? crew, string name, string language)
    {
        IResult? result = null;
        await CrewBot.WithServicesAsync(async sp =>
            result = await MemberEndpoints.EnrolAsync(new MemberEndpoints.Enrol(crew, name, language), sp.GetRequiredService<CrewEnrolment>(), new WeComOptions(), default));

        Assert.Equal(400, (result as IStatusCodeHttpResult)?.StatusCode);
        Assert.Empty(await MembersAsync());
    }
}
