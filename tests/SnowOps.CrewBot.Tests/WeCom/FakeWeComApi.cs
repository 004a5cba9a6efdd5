using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SnowOps.CrewBot.Tests.WeCom;

/// <summary>
/// WeCom's server API as far as the adapter uses it, on loopback: /cgi-bin/gettoken hands out numbered tokens for our
/// corp and secret, /cgi-bin/message/send records what it is sent and answers errcode 0, or the next queued errcode.
/// </summary>
sealed class FakeWeComApi : IAsyncDisposable
{
    readonly LoopbackHost host;
    readonly ConcurrentQueue<int> sendErrors = new();
    int tokensIssued;

    FakeWeComApi(LoopbackHost host) => this.host = host;

    public Uri BaseUrl => host.Address;
    public int TokenRequests => Volatile.Read(ref tokensIssued);
    public ConcurrentQueue<(string AccessToken, JsonObject Body)> Sent { get; } = new();

    /// <summary>The next sends answer these errcodes, in order.</summary>
    public void FailNextSends(params int[] errcodes)
    {
        foreach (var errcode in errcodes)
            sendErrors.Enqueue(errcode);
    }

    public static async Task<FakeWeComApi> StartAsync()
    {
        FakeWeComApi? api = null;
        var host = await LoopbackHost.StartAsync(_ => { }, app =>
        {
            app.MapGet("/cgi-bin/gettoken", (string? corpid, string? corpsecret) => api!.Token(corpid, corpsecret));
            app.MapPost("/cgi-bin/message/send", async (HttpRequest request, string? access_token) =>
                api!.Send(access_token, await JsonNode.ParseAsync(request.Body)));
        });
        api = new FakeWeComApi(host);
        return api;
    }

    IResult Token(string? corpId, string? secret)
    {
        if (corpId != WeComTestApp.CorpId || secret != WeComTestApp.Secret)
            return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
        var n = Interlocked.Increment(ref tokensIssued);
        return Results.Json(new { errcode = 0, errmsg = "ok", access_token = $"token-{n}", expires_in = 7200 });
    }

    IResult Send(string? accessToken, JsonNode? body)
    {
        Sent.Enqueue((accessToken ?? "", body?.AsObject() ?? []));
        if (sendErrors.TryDequeue(out var errcode))
            return Results.Json(new { errcode, errmsg = $"errcode {errcode}, hint: [fake]" });
        return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = $"msg-{Sent.Count}", response_code = $"rc-{Sent.Count}" });
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
