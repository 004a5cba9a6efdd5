using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.Chats;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_wecom_is_configured
{
    static Dictionary<string, string?> Complete() => new()
    {
        [$"{WeComOptions.Section}:CorpId"] = WeComTestApp.CorpId,
        [$"{WeComOptions.Section}:AgentId"] = "1000002",
        [$"{WeComOptions.Section}:Secret"] = WeComTestApp.Secret,
        [$"{WeComOptions.Section}:Token"] = WeComTestApp.Token,
        [$"{WeComOptions.Section}:EncodingAesKey"] = WeComTestApp.EncodingAesKey,
        [$"{WeComOptions.Section}:BaseUrl"] = "http://127.0.0.1:9/",
        [$"{WeComOptions.Section}:ReplayWindow"] = "00:02:00",
    };

    static WeComOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(WeComOptions.Section).Get<WeComOptions>() ?? new WeComOptions();

    static IReadOnlyList<string> Messengers(WeComOptions options)
    {
        using var services = new ServiceCollection().AddLogging()
            .AddDbContext<Data.CrewBotDbContext, Data.CrewBotSqliteContext>(o => ServiceDefaults.Data.DatabaseExtensions.UseSqlite(o, ":memory:"))
            .AddCrewBotServices(new TelegramOptions(), options).BuildServiceProvider();
        using var scope = services.CreateScope();
        return [.. scope.ServiceProvider.GetServices<ICrewMessenger>().Select(m => m.Name)];
    }

    [Fact]
    public void Should_be_off_by_default_and_add_no_messenger()
    {
        var options = Bind([]);

        Assert.False(options.IsOn);
        Assert.Empty(Messengers(options));
    }

    [Fact]
    public void Should_turn_on_when_configured_and_add_the_wecom_messenger()
    {
        var options = Bind(Complete());

        Assert.True(options.IsOn);
        Assert.Equal((1000002, new Uri("http://127.0.0.1:9/"), TimeSpan.FromMinutes(2)), (options.AgentId, options.BaseUrl, options.ReplayWindow));
        Assert.Equal(["wecom"], Messengers(options));
    }

    [Fact]
    public void Should_stay_off_when_disabled_though_configured()
    {
        var values = Complete();
        values[$"{WeComOptions.Section}:Enabled"] = "false";

        Assert.Empty(Messengers(Bind(values)));
    }

    [Fact]
    public void Should_name_every_missing_setting_when_enabled_without_them()
    {
        var options = Bind(new() { [$"{WeComOptions.Section}:Enabled"] = "true" });

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(WeComOptions.Section, error.Message, StringComparison.Ordinal);
        foreach (var setting in new[] { "CorpId", "AgentId", "Secret", "Token", "EncodingAesKey" })
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EncodingAesKey", "too-short", "EncodingAesKey")]
    [InlineData("Token", "not a token!", "Token")]
    [InlineData("ReplayWindow", "00:00:00", "ReplayWindow")]
    [InlineData("Language", "de", "Language")]
    public void Should_refuse_a_wrong_setting_at_start(string key, string value, string named)
    {
        var values = Complete();
        values[$"{WeComOptions.Section}:{key}"] = value;

        var error = Assert.Throws<InvalidOperationException>(() => Messengers(Bind(values)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WeComTestApp.Secret, error.Message, StringComparison.Ordinal);
    }
}
