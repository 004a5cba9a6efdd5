using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_telegram_and_wecom_are_both_on : IAsyncLifetime
{
    const string Crew = "spreader-1";
    const string Zhang = "zhangsan";
    readonly Guid taskId = Guid.NewGuid();
    FakeBotApi bot = null!;
    FakeWeComApi api = null!;
    CrewBotHarness crewBot = null!;

    public async Task InitializeAsync()
    {
        bot = await FakeBotApi.StartAsync();
        api = await FakeWeComApi.StartAsync();
        crewBot = new CrewBotHarness(
            new TelegramOptions { Token = FakeBotApi.Token, BaseUrl = bot.BaseUrl, WebhookSecret = "winter-secret_1", Mode = TelegramMode.Webhook },
            WeComTestApp.Options(api.BaseUrl));
        await crewBot.StartAsync();
        await crewBot.WithServicesAsync(async sp =>
        {
            var enrolment = sp.GetRequiredService<CrewEnrolment>();
            Assert.NotNull(await enrolment.EnrolBoundAsync(Crew, "John Doe", "en", TelegramMessenger.Key, Samples.JohnsChat, default));
            Assert.NotNull(await enrolment.EnrolBoundAsync(Crew, "Zhang San", "zh", "wecom", Zhang, default));
        });
    }

    public async Task DisposeAsync()
    {
        await crewBot.DisposeAsync();
        await api.DisposeAsync();
        await bot.DisposeAsync();
    }

    TaskAssigned Assigned() => new(taskId, Guid.NewGuid(), TaskKind.DeIcing, "De-ice the Tonghui River bridges", Crew, null, 1250.5,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2), 1);

    [Fact]
    public async Task Should_send_the_card_to_the_crews_chats_in_both()
    {
        await crewBot.DeliverAsync(Assigned());

        var telegram = Assert.Single(bot.CallsOf("sendMessage"));
        Assert.Equal(Samples.JohnsChat, telegram.ChatId);
        Assert.Contains(CardText.Data(taskId, CardText.Accept), telegram.ButtonData);
        var card = Assert.Single(api.CardsTo(Zhang));
        Assert.Contains("接受", card["button_list"]!.AsArray().Select(b => (string?)b!["text"]));
        Assert.Equal(["telegram", "wecom"], await crewBot.QueryAsync(db => db.SentCards.Select(s => s.Messenger).OrderBy(m => m).ToListAsync()));
    }

    [Fact]
    public async Task Should_still_reach_telegram_when_the_wecom_user_has_left()
    {
        api.Leave(Zhang);

        await crewBot.DeliverAsync(Assigned());

        Assert.Single(bot.CallsOf("sendMessage"));
        Assert.Empty(crewBot.Harness.Published.Select<MassTransit.Fault<TaskAssigned>>(new CancellationToken(canceled: true)));
    }
}
