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

    static WeComButtonCard Card() => new("De-ice the Tonghui River bridges", "Kind: de-icing\nState: assigned",
        [new("接单", $"{BridgeTask:N}:a"), new("拒绝", $"{BridgeTask:N}:d"), new("开始作业", $"{BridgeTask:N}:s"), new("已完成", $"{BridgeTask:N}:c")])
    {
        Description = "Due 08:00",
        Details = [new("路段", "通惠河桥"), new("长度", "1.25 km")],
    };

    [Fact]
    public async Task Should_fetch_the_access_token_once_and_reuse_it()
    {
        await client.SendButtonCardAsync("spreader-1", Card(), default);
        await client.SendTextCardAsync("spreader-1", new WeComTextCard("Storm warning", "Orange snowstorm signal", new Uri("https://snowops.example/e/1")), default);

        Assert.Equal(1, api.TokenRequests);
        Assert.All(api.Sent, s => Assert.Equal("token-1", s.AccessToken));
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_share_the_token_between_clients_of_the_same_app()
    {
        var another = new WeComClient(http, WeComTestApp.Options(api.BaseUrl), tokens, clock, log);

        await Task.WhenAll(client.SendButtonCardAsync("spreader-1", Card(), default), another.SendButtonCardAsync("plow-2", Card(), default));

        Assert.Equal(1, api.TokenRequests);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_fetch_a_new_token_shortly_before_the_old_one_expires()
    {
        await client.SendButtonCardAsync("spreader-1", Card(), default);
        clock.Now += TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4);
        await client.SendButtonCardAsync("spreader-1", Card(), default);

        Assert.Equal(2, api.TokenRequests);
        Assert.Equal(["token-1", "token-2"], api.Sent.Select(s => s.AccessToken));
    }

    [Theory]
    [InlineData(42001)]
    [InlineData(40014)]
    public async Task Should_refresh_a_stale_token_once_and_send_again(int errcode)
    {
        api.FailNextSends(errcode);

        var result = await client.SendButtonCardAsync("spreader-1", Card(), default);

        Assert.Equal(2, api.TokenRequests);
        Assert.Equal(["token-1", "token-2"], api.Sent.Select(s => s.AccessToken));
        Assert.Equal("msg-2", result.MsgId);
        Assert.Equal("rc-2", result.ResponseCode);
    }

    [Fact]
    public async Task Should_give_up_when_the_fresh_token_is_refused_too()
    {
        api.FailNextSends(42001, 42001);

        var error = await Assert.ThrowsAsync<WeComApiException>(() => client.SendButtonCardAsync("spreader-1", Card(), default));

        Assert.Equal(42001, error.ErrorCode);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Should_surface_a_rate_limit_with_its_code_without_retrying()
    {
        api.FailNextSends(45009);

        var error = await Assert.ThrowsAsync<WeComRateLimitedException>(() => client.SendButtonCardAsync("spreader-1", Card(), default));

        Assert.Equal(45009, error.ErrorCode);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task Should_send_a_button_interaction_card_as_documented()
    {
        var card = Card();

        var result = await client.SendButtonCardAsync("spreader-1", card, default);

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
        Assert.Equal("Kind: de-icing\nState: assigned", (string?)template["sub_title_text"]);
        Assert.Equal(card.CardTaskId, (string?)template["task_id"]);
        Assert.Matches("^[0-9A-Za-z_@-]{1,128}$", card.CardTaskId);
        Assert.NotEqual(card.CardTaskId, Card().CardTaskId);
        Assert.Equal(card.CardTaskId, result.CardTaskId);
        var buttons = template["button_list"]!.AsArray();
        Assert.Equal(
            ["0f8fad5bd9cb469fa16570867728950e:a", "0f8fad5bd9cb469fa16570867728950e:d",
             "0f8fad5bd9cb469fa16570867728950e:s", "0f8fad5bd9cb469fa16570867728950e:c"],
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

        var error = await Assert.ThrowsAsync<WeComApiException>(() => wrong.SendButtonCardAsync("spreader-1", Card(), default));

        Assert.Equal(40001, error.ErrorCode);
        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Should_never_write_the_secret_or_the_token_to_the_log()
    {
        api.FailNextSends(42001, 45009);

        await Assert.ThrowsAsync<WeComRateLimitedException>(() => client.SendButtonCardAsync("spreader-1", Card(), default));

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.Contains(WeComTestApp.Secret, StringComparison.Ordinal) || l.Contains("token-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_send_a_text_message_as_documented()
    {
        await client.SendTextAsync("spreader-1", "桥面结冰", default);

        var body = Assert.Single(api.Sent).Body;
        Assert.Equal("text", (string?)body["msgtype"]);
        Assert.Equal("桥面结冰", (string?)body["text"]!["content"]);
        Assert.Equal(1000002, (int?)body["agentid"]);
    }

    [Fact]
    public async Task Should_update_a_card_with_its_response_code_and_grey_out_its_buttons()
    {
        var card = Card() with { Buttons = [], ReplaceText = "已处理" };

        await client.UpdateButtonCardAsync("spreader-1", "rc-from-a-click", card, default);

        var body = Assert.Single(api.Updated).Body;
        Assert.Equal(["spreader-1"], body["userids"]!.AsArray().Select(u => (string?)u));
        Assert.Equal("rc-from-a-click", (string?)body["response_code"]);
        Assert.Equal(1000002, (int?)body["agentid"]);
        Assert.Equal(card.CardTaskId, (string?)body["template_card"]!["task_id"]);
        Assert.Equal("已处理", (string?)body["template_card"]!["replace_text"]);
        Assert.Null(body["template_card"]!["button_list"]);
        Assert.Empty(api.Sent);
    }
}
