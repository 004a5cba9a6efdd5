using System.Text.Json.Nodes;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_wecom_is_called : IAsyncLifetime
{
    static readonly Guid BridgeTask = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
    readonly RecordingLogger<WeComClient> log = new();
    readonly HttpClient http = new();
    readonly WeComAccessTokenCache tokens = new();
    FakeWeComApi api = null!;
    WeComClient client = null!;

    public async Task InitializeAsync()
    {
        api = await FakeWeComApi.StartAsync();
        client = new WeComClient(http, WeComTestApp.Options(api.BaseUrl), tokens, clock, log);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
    }

    static WeComTaskCard Card() => new(BridgeTask, "De-ice the Tonghui River bridges", "Due 08:00",
        [WeComTaskAction.Accept, WeComTaskAction.Decline, WeComTaskAction.Start, WeComTaskAction.Done])
    {
        Details = [new("路段", "通惠河桥"), new("长度", "1.25 km")],
    };

    [Fact]
    public async Task Should_fetch_the_access_token_once_and_reuse_it()
    {
        await client.SendTaskCardAsync("spreader-1", Card(), default);
        await client.SendTextCardAsync("spreader-1", new WeComTextCard("Storm warning", "Orange snowstorm signal", new Uri("https://snowops.example/e/1")), default);

        Assert.Equal(1, api.TokenRequests);
        Assert.All(api.Sent, s => Assert.Equal("token-1", s.AccessToken));
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_share_the_token_between_clients_of_the_same_app()
    {
        var another = new WeComClient(http, WeComTestApp.Options(api.BaseUrl), tokens, clock, log);

        await Task.WhenAll(client.SendTaskCardAsync("spreader-1", Card(), default), another.SendTaskCardAsync("plow-2", Card(), default));

        Assert.Equal(1, api.TokenRequests);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_fetch_a_new_token_shortly_before_the_old_one_expires()
    {
        await client.SendTaskCardAsync("spreader-1", Card(), default);
        clock.Now += TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4);
        await client.SendTaskCardAsync("spreader-1", Card(), default);

        Assert.Equal(2, api.TokenRequests);
        Assert.Equal(["token-1", "token-2"], api.Sent.Select(s => s.AccessToken));
    }

    [Theory]
    [InlineData(42001)]
    [InlineData(40014)]
    public async Task Should_refresh_a_stale_token_once_and_send_again(int errcode)
    {
        api.FailNextSends(errcode);

        var result = await client.SendTaskCardAsync("spreader-1", Card(), default);

        Assert.Equal(2, api.TokenRequests);
        Assert.Equal(["token-1", "token-2"], api.Sent.Select(s => s.AccessToken));
        Assert.Equal("msg-2", result.MsgId);
        Assert.Equal("rc-2", result.ResponseCode);
    }

    [Fact]
    public async Task Should_give_up_when_the_fresh_token_is_refused_too()
    {
        api.FailNextSends(42001, 42001);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendTaskCardAsync("spreader-1", Card(), default));

        Assert.Equal(42001, error.ErrorCode);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_surface_a_rate_limit_with_its_code_without_retrying()
    {
        api.FailNextSends(45009);

        var error = await Assert.ThrowsAsync<WeComRateLimitedException>(() => client.SendTaskCardAsync("spreader-1", Card(), default));

        Assert.Equal(45009, error.ErrorCode);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task Should_send_a_button_interaction_card_as_documented()
    {
        var card = Card();

        var result = await client.SendTaskCardAsync("spreader-1", card, default);

        var body = Assert.Single(api.Sent).Body;
        Assert.Equal("spreader-1", (string?)body["touser"]);
        Assert.Equal("template_card", (string?)body["msgtype"]);
        Assert.Equal(1000002, (int?)body["agentid"]);
        var template = body["template_card"]!.AsObject();
        Assert.Equal("button_interaction", (string?)template["card_type"]);
        Assert.Equal("De-ice the Tonghui River bridges", (string?)template["main_title"]!["title"]);
        Assert.Equal("Due 08:00", (string?)template["main_title"]!["desc"]);
        Assert.Equal("通惠河桥", (string?)template["horizontal_content_list"]![0]!["value"]);
        Assert.Equal("路段", (string?)template["horizontal_content_list"]![0]!["keyname"]);
        Assert.Equal(card.CardTaskId, (string?)template["task_id"]);
        Assert.Matches("^[0-9A-Za-z_@-]{1,128}$", card.CardTaskId);
        Assert.StartsWith($"{BridgeTask:N}-", card.CardTaskId, StringComparison.Ordinal);
        Assert.Equal(card.CardTaskId, result.CardTaskId);
        var buttons = template["button_list"]!.AsArray();
        Assert.Equal(
            ["accept:0f8fad5bd9cb469fa16570867728950e", "decline:0f8fad5bd9cb469fa16570867728950e",
             "start:0f8fad5bd9cb469fa16570867728950e", "done:0f8fad5bd9cb469fa16570867728950e"],
            buttons.Select(b => (string?)b!["key"]));
        Assert.Equal(["接单", "拒绝", "开始作业", "已完成"], buttons.Select(b => (string?)b!["text"]));
        Assert.DoesNotContain("textcard", body.Select(p => p.Key));
    }

    [Fact]
    public async Task Should_send_a_text_card_as_documented()
    {
        await client.SendTextCardAsync("spreader-1",
            new WeComTextCard("Storm warning", "Orange snowstorm signal from 20:00", new Uri("https://snowops.example/e/1"), "详情"), default);

        var body = Assert.Single(api.Sent).Body;
        Assert.Equal("textcard", (string?)body["msgtype"]);
        var card = body["textcard"]!;
        Assert.Equal("Storm warning", (string?)card["title"]);
        Assert.Equal("Orange snowstorm signal from 20:00", (string?)card["description"]);
        Assert.Equal("https://snowops.example/e/1", (string?)card["url"]);
        Assert.Equal("详情", (string?)card["btntxt"]);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_secret_with_wecoms_code()
    {
        var options = WeComTestApp.Options(api.BaseUrl);
        options.Secret = "wrong";
        var wrong = new WeComClient(http, options, new WeComAccessTokenCache(), clock, log);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => wrong.SendTaskCardAsync("spreader-1", Card(), default));

        Assert.Equal(40001, error.ErrorCode);
        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Should_never_write_the_secret_or_the_token_to_the_log()
    {
        api.FailNextSends(42001, 45009);

        await Assert.ThrowsAsync<WeComRateLimitedException>(() => client.SendTaskCardAsync("spreader-1", Card(), default));

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains(WeComTestApp.Secret, StringComparison.Ordinal) || l.Contains("token-", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_back_the_task_and_answer_from_a_button_key()
    {
        Assert.True(WeComButtonKey.TryParse(WeComButtonKey.Format(WeComTaskAction.Start, BridgeTask), out var action, out var task));
        Assert.Equal((WeComTaskAction.Start, BridgeTask), (action, task));
        Assert.False(WeComButtonKey.TryParse("restart:0f8fad5bd9cb469fa16570867728950e", out _, out _));
        Assert.False(WeComButtonKey.TryParse("accept:not-a-task", out _, out _));
        Assert.False(WeComButtonKey.TryParse("accept", out _, out _));
        Assert.False(WeComButtonKey.TryParse(null, out _, out _));
    }
}
