using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SnowOps.CrewBot.Tests.WeCom;

/// <summary>
/// WeCom's server API as far as the adapter uses it, on loopback: /cgi-bin/gettoken hands out numbered tokens for our
/// corp and secret, /cgi-bin/message/send records what it is sent and answers errcode 0 with a response code, or the
/// next queued errcode, or "all invalid" for a user who has left; /cgi-bin/message/update_template_card takes each
/// response code once.
/// </summary>
sealed class FakeWeComApi : IAsyncDisposable
{
    /// <summary>What the fake answers for a response code it has seen used (WeCom's own code for this is not documented).</summary>
    public const int CodeUsed = 40058;

    readonly LoopbackHost host;
    readonly ConcurrentQueue<int> sendErrors = new();
    readonly ConcurrentDictionary<string, bool> leftUsers = new();
    readonly ConcurrentDictionary<string, bool> leftQuietly = new();
    readonly ConcurrentDictionary<string, bool> usedCodes = new();
    readonly ConcurrentDictionary<string, byte[]> media = new();
    int tokensIssued;
    int calls;

    FakeWeComApi(LoopbackHost host) => this.host = host;

    public Uri BaseUrl => host.Address;
    public int TokenRequests => Volatile.Read(ref tokensIssued);
    public ConcurrentQueue<(string AccessToken, JsonObject Body)> Sent { get; } = new();
    public ConcurrentQueue<(string AccessToken, JsonObject Body)> Updated { get; } = new();

    /// <summary>The next sends answer these errcodes, in order.</summary>
    public void FailNextSends(params int[] errcodes)
    {
        foreach (var errcode in errcodes)
            sendErrors.Enqueue(errcode);
    }

    /// <summary>From now on, sends to this user answer as WeCom does for a userid that is gone: 81013 and the user as invaliduser.</summary>
    public void Leave(string userId) => leftUsers[userId] = true;

    /// <summary>From now on, sends to this user answer errcode 0 but name the user as invaliduser, as WeCom does when some recipients are invalid.</summary>
    public void LeaveQuietly(string userId) => leftQuietly[userId] = true;

    /// <summary>What was sent to a user, in order.</summary>
    public IReadOnlyList<JsonObject> SentTo(string userId) => [.. Sent.Select(s => s.Body).Where(b => (string?)b["touser"] == userId)];

    /// <summary>The text messages sent to a user, in order.</summary>
    public IReadOnlyList<string> TextsTo(string userId) =>
        [.. SentTo(userId).Where(b => (string?)b["msgtype"] == "text").Select(b => (string)b["text"]!["content"]!)];

    /// <summary>The template cards sent to a user, in order.</summary>
    public IReadOnlyList<JsonObject> CardsTo(string userId) =>
        [.. SentTo(userId).Where(b => (string?)b["msgtype"] == "template_card").Select(b => b["template_card"]!.AsObject())];

    /// <summary>A file a user sent, served at /cgi-bin/media/get under its media id.</summary>
    public void AddMedia(string mediaId, byte[] bytes) => media[mediaId] = bytes;

    public static async Task<FakeWeComApi> StartAsync()
    {
        FakeWeComApi? api = null;
        var host = await LoopbackHost.StartAsync(_ => { }, app =>
        {
            app.MapGet("/cgi-bin/gettoken", (string? corpid, string? corpsecret) => api!.Token(corpid, corpsecret));
            app.MapPost("/cgi-bin/message/send", async (HttpRequest request, string? access_token) =>
                api!.Send(access_token, await JsonNode.ParseAsync(request.Body)));
            app.MapGet("/cgi-bin/media/get", (string? access_token, string? media_id) => api!.Media(access_token, media_id));
            app.MapPost("/cgi-bin/message/update_template_card", async (HttpRequest request, string? access_token) =>
                api!.Update(access_token, await JsonNode.ParseAsync(request.Body)));
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
        var json = body?.AsObject() ?? [];
        Sent.Enqueue((accessToken ?? "", json));
        var n = Interlocked.Increment(ref calls);
        if (sendErrors.TryDequeue(out var errcode))
            return Results.Json(new { errcode, errmsg = $"errcode {errcode}, hint: [fake]" });
        if ((string?)json["touser"] is { } user && leftUsers.ContainsKey(user))
            return Results.Json(new { errcode = 81013, errmsg = "user & party & tag all invalid", invaliduser = user });
        if ((string?)json["touser"] is { } quiet && leftQuietly.ContainsKey(quiet))
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = quiet, msgid = $"msg-{n}" });
        return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = $"msg-{n}", response_code = $"rc-{n}" });
    }

    IResult Update(string? accessToken, JsonNode? body)
    {
        var json = body?.AsObject() ?? [];
        var code = (string?)json["response_code"] ?? "";
        if (code.Length == 0 || !usedCodes.TryAdd(code, true))
            return Results.Json(new { errcode = CodeUsed, errmsg = "invalid response_code, hint: [fake]" });
        Updated.Enqueue((accessToken ?? "", json));
        return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "" });
    }

    /// <summary>The file itself, or WeCom's JSON refusal (40007, invalid media_id) for one it does not know.</summary>
    IResult Media(string? accessToken, string? mediaId) =>
        string.IsNullOrEmpty(accessToken) || !accessToken.StartsWith("token-", StringComparison.Ordinal)
            ? Results.Json(new { errcode = 40014, errmsg = "invalid access_token" })
            : mediaId is not null && media.TryGetValue(mediaId, out var bytes)
                ? Results.Bytes(bytes, "image/jpeg")
                : Results.Json(new { errcode = 40007, errmsg = "invalid media_id" });

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
