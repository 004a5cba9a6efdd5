using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.CrewBot.WeCom;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_wecom_calls_back : IAsyncLifetime
{
    // Signed with now: the endpoint refuses timestamps outside its replay window.
    readonly string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    const string Nonce = "1372623149";

    readonly WeComCrypto crypto = WeComTestApp.Crypto();
    readonly Sink sink = new();
    readonly HttpClient http = new();
    LoopbackHost host = null!;

    public async Task InitializeAsync() =>
        host = await LoopbackHost.StartAsync(
            services => services.AddSingleton(WeComTestApp.Options()).AddSingleton<IWeComCallbackSink>(sink).AddSingleton(TimeProvider.System),
            app => app.MapWeComCallback());

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Should_answer_the_url_check_with_the_decrypted_echostr()
    {
        var echo = crypto.Encrypt("5927638024657290312");

        var response = await http.GetAsync(Url(crypto.Sign(timestamp, Nonce, echo), echo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5927638024657290312"u8.ToArray(), await response.Content.ReadAsByteArrayAsync()); // as is: no quotes, BOM or newline
    }

    [Fact]
    public async Task Should_refuse_a_url_check_with_a_forged_signature()
    {
        var echo = crypto.Encrypt("5927638024657290312");

        var response = await http.GetAsync(Url(new string('0', 40), echo));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("5927638024657290312", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_hand_on_a_button_press_with_who_which_button_and_which_card()
    {
        var response = await PostAsync("""
            <xml><ToUserName><![CDATA[ww0123456789abcdef]]></ToUserName><FromUserName><![CDATA[spreader-1]]></FromUserName>
            <CreateTime>1764140460</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>
            <EventKey><![CDATA[accept:0f8fad5bd9cb469fa16570867728950e]]></EventKey>
            <TaskId><![CDATA[0f8fad5bd9cb469fa16570867728950e-1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>
            <ResponseCode><![CDATA[rc-from-wecom]]></ResponseCode><AgentID>1000002</AgentID></xml>
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var pressed = Assert.IsType<WeComButtonPressed>(Assert.Single(sink.Received));
        Assert.Equal("spreader-1", pressed.FromUser);
        Assert.Equal("accept:0f8fad5bd9cb469fa16570867728950e", pressed.EventKey);
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e-1", pressed.CardTaskId);
        Assert.Equal("rc-from-wecom", pressed.ResponseCode);
        Assert.Equal("button_interaction", pressed.CardType);
        Assert.Equal(1000002, pressed.AgentId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764140460), pressed.CreatedAt);
    }

    [Fact]
    public async Task Should_hand_on_a_text_message()
    {
        await PostAsync("""
            <xml><ToUserName><![CDATA[ww0123456789abcdef]]></ToUserName><FromUserName><![CDATA[spreader-1]]></FromUserName>
            <CreateTime>1764140460</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[桥面结冰，需要更多融雪剂]]></Content>
            <MsgId>4561255354251345929</MsgId><AgentID>1000002</AgentID></xml>
            """);

        var text = Assert.IsType<WeComTextMessage>(Assert.Single(sink.Received));
        Assert.Equal("桥面结冰，需要更多融雪剂", text.Content);
        Assert.Equal("4561255354251345929", text.MsgId);
    }

    [Theory]
    [InlineData("<xml><FromUserName>spreader-1</FromUserName><MsgType>event</MsgType><Event>enter_agent</Event></xml>", "event", "enter_agent")]
    [InlineData("<xml><FromUserName>spreader-1</FromUserName><MsgType>image</MsgType><PicUrl>x</PicUrl></xml>", "image", null)]
    [InlineData("<xml><FromUserName>spreader-1</FromUserName><MsgType>event</MsgType><Event>template_card_event</Event></xml>", "event", "template_card_event")]
    public async Task Should_acknowledge_what_it_does_not_handle_as_unsupported(string message, string msgType, string? evt)
    {
        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unsupported = Assert.IsType<WeComUnsupported>(Assert.Single(sink.Received));
        Assert.Equal((msgType, evt), (unsupported.MsgType, unsupported.Event));
    }

    [Fact]
    public async Task Should_refuse_a_callback_with_a_forged_signature()
    {
        var encrypted = crypto.Encrypt("<xml><FromUserName>x</FromUserName><MsgType>text</MsgType><Content>hi</Content></xml>");
        var forged = new WeComCrypto("guessed-token", WeComTestApp.EncodingAesKey, WeComTestApp.CorpId).Sign(timestamp, Nonce, encrypted);

        var response = await http.PostAsync(Url(forged), Envelope(encrypted));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_a_callback_envelope()
    {
        var response = await http.PostAsync(Url("0"), new StringContent("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(sink.Received);
    }

    Task<HttpResponseMessage> PostAsync(string message)
    {
        var encrypted = crypto.Encrypt(message);
        return http.PostAsync(Url(crypto.Sign(timestamp, Nonce, encrypted)), Envelope(encrypted));
    }

    static StringContent Envelope(string encrypted) => new(
        $"<xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>",
        Encoding.UTF8, "text/xml");

    Uri Url(string signature, string? echo = null) => new(host.Address,
        $"/api/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce={Nonce}"
        + (echo is null ? "" : $"&echostr={Uri.EscapeDataString(echo)}"));

    sealed class Sink : IWeComCallbackSink
    {
        public ConcurrentQueue<WeComCallback> Received { get; } = new();

        public Task HandleAsync(WeComCallback callback, CancellationToken cancellationToken)
        {
            Received.Enqueue(callback);
            return Task.CompletedTask;
        }
    }
}
