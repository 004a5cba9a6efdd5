using System.Globalization;
using System.Net;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.CrewBot.Members;
using SnowOps.CrewBot.Telegram;
using SnowOps.CrewBot.WeCom;
using SnowOps.Testing;

namespace SnowOps.CrewBot.Tests.WeCom;

/// <summary>
/// What every WeCom bot spec shares: the fake WeCom API, CrewBot with WeCom on (Telegram off) talking to it, the
/// callback endpoints served over real HTTP on loopback, and callbacks encrypted and signed as WeCom does.
/// </summary>
public abstract class WeComSpec : IAsyncLifetime
{
    protected const string Crew = "spreader-1";
    protected const string Zhang = "zhangsan";
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));

    readonly WeComCrypto crypto = WeComTestApp.Crypto();
    readonly HttpClient http = new();
    long nextMsgId = 4561255354251345929;
    LoopbackHost host = null!;

    protected Guid TaskId { get; } = Guid.NewGuid();
    internal FakeWeComApi Api { get; private set; } = null!;
    protected CrewBotHarness CrewBot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeWeComApi.StartAsync();
        CrewBot = new CrewBotHarness(new TelegramOptions { RetryDelay = TimeSpan.FromMilliseconds(200) }, WeComTestApp.Options(Api.BaseUrl));
        await CrewBot.StartAsync();
        // Each request is served from the harness's services, in a scope of its own, as the host would.
        host = await LoopbackHost.StartAsync(_ => { }, app =>
        {
            app.Use((context, next) => CrewBot.WithServicesAsync(sp =>
            {
                context.RequestServices = sp;
                return next(context);
            }));
            app.MapWeComCallback();
        });
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
        await CrewBot.DisposeAsync();
        await Api.DisposeAsync();
    }

    protected TaskAssigned Assigned(string crew = Crew) => new(TaskId, Guid.NewGuid(), TaskKind.DeIcing,
        "De-ice the Tonghui River bridges", crew, null, 1250.5, T0, T0.AddHours(2), 1);

    protected TaskStateChanged Changed(TaskState state, int minutes, string crew = Crew) => new(TaskId, Guid.Empty, state, crew, T0.AddMinutes(minutes));

    protected async Task<string> EnrolAsync(string crew = Crew, string language = "en")
    {
        var code = "";
        await CrewBot.WithServicesAsync(async sp => code = (await sp.GetRequiredService<CrewEnrolment>().EnrolAsync(crew, "Zhang San", language, default)).Code);
        return code;
    }

    /// <summary>Enrols a WeCom user into the crew the way a crew member does: /start and the code, in the app chat.</summary>
    protected async Task EnrolOverWeComAsync(string userId = Zhang, string crew = Crew)
    {
        var code = await EnrolAsync(crew);
        Assert.Equal(HttpStatusCode.OK, (await TextAsync(userId, "/start " + code)).StatusCode);
    }

    /// <summary>A text message from the user, as WeCom posts it (a fresh MsgId unless one is given).</summary>
    protected Task<HttpResponseMessage> TextAsync(string userId, string content, long? msgId = null) => CallbackAsync($"""
        <xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>
        <CreateTime>{Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>
        <MsgId>{msgId ?? Interlocked.Increment(ref nextMsgId)}</MsgId><AgentID>1000002</AgentID></xml>
        """);

    /// <summary>The XML of a click on a card's button, carrying the response code WeCom gives with it.</summary>
    protected static string Click(string userId, string key, string cardTaskId, string responseCode, long? createTime = null) => $"""
        <xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>
        <CreateTime>{createTime ?? Now()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>
        <EventKey><![CDATA[{key}]]></EventKey><TaskId><![CDATA[{cardTaskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>
        <ResponseCode><![CDATA[{responseCode}]]></ResponseCode><AgentID>1000002</AgentID></xml>
        """;

    /// <summary>POSTs the message to /api/wecom/callback, encrypted and signed with our token (or another one) and a timestamp.</summary>
    protected async Task<HttpResponseMessage> CallbackAsync(string message, long? timestamp = null, string token = WeComTestApp.Token)
    {
        var encrypted = crypto.Encrypt(message);
        var stamp = (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        const string nonce = "1372623149";
        var signature = new WeComCrypto(token, WeComTestApp.EncodingAesKey, WeComTestApp.CorpId).Sign(stamp, nonce, encrypted);
        var envelope = new StringContent(
            $"<xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>",
            Encoding.UTF8, "text/xml");
        var response = await http.PostAsync(
            new Uri(host.Address, $"{WeComCallbackEndpoints.Path}?msg_signature={signature}&timestamp={stamp}&nonce={nonce}"), envelope);
        await CrewBot.Harness.QuietAsync();
        await CrewBot.QueueDrainedAsync();
        return response;
    }

    /// <summary>Delivers the messages as the bus would, then waits until the outbound queue has put out what they asked for.</summary>
    protected async Task DeliverAsync(params object[] messages)
    {
        await CrewBot.DeliverAsync(messages);
        await CrewBot.QueueDrainedAsync();
    }

    protected static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The task_id of the card the user was sent last.</summary>
    protected string LastCardTaskId(string userId = Zhang) => (string)Api.CardsTo(userId)[^1]["task_id"]!;

    protected static IReadOnlyList<string?> Keys(System.Text.Json.Nodes.JsonObject card) =>
        card["button_list"]?.AsArray().Select(b => (string?)b!["key"]).ToList() ?? [];

    protected Task<List<CrewMember>> MembersAsync() => CrewBot.QueryAsync(db => db.Members.AsNoTracking().OrderBy(m => m.Created).ToListAsync());

    protected List<T> Published<T>() where T : class =>
        CrewBot.Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).ToList();

    protected void AssertNoFaults()
    {
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskAssigned>>(new CancellationToken(canceled: true)));
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskStateChanged>>(new CancellationToken(canceled: true)));
    }
}
