using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// A Bot API server on 127.0.0.1 that speaks the real protocol (<c>/bot&lt;token&gt;/&lt;method&gt;</c>, answers in the
/// <c>{"ok":…,"result":…}</c> envelope) and keeps Telegram's limits as the real one does: a message sent or edited
/// when the bot already had its quota in the last second, or to a chat that had one less than a second ago, is answered
/// 429 with retry_after. It counts what it accepted, when, and the 429s it gave.
/// </summary>
public sealed class LimitedBotApi : IAsyncDisposable
{
    public const string Token = "1000000001:AAFakeTokenForTheCrewsBenchmark";

    readonly WebApplication _app;
    readonly TimeProvider _time;
    readonly long _second;
    readonly int _perSecond;
    readonly long _perChat;
    readonly Lock _lock = new();
    readonly Queue<long> _lastSecond = new();
    readonly Dictionary<string, long> _lastToChat = [];
    readonly List<(long At, string Chat)> _accepted = [];
    int _tooManyRequests;
    int _nextMessageId;

    LimitedBotApi(WebApplication app, int messagesPerSecond, TimeSpan perChat, TimeProvider time)
    {
        (_app, _time, _second, _perSecond) = (app, time, time.TimestampFrequency, messagesPerSecond);
        _perChat = (long)(perChat.TotalSeconds * _second);
    }

    public string BaseUrl => _app.Urls.First();

    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    public int AcceptedCount
    {
        get
        {
            lock (_lock)
                return _accepted.Count;
        }
    }

    /// <summary>The messages accepted so far: when (a timestamp of its clock: a <see cref="Stopwatch"/> one unless told otherwise) and to which chat.</summary>
    public IReadOnlyList<(long At, string Chat)> Accepted
    {
        get
        {
            lock (_lock)
                return [.. _accepted];
        }
    }

    /// <param name="time">The clock the limits are kept by (the system's; a spec's own to move it by hand).</param>
    public static async Task<LimitedBotApi> StartAsync(int messagesPerSecond, TimeSpan perChat, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new LimitedBotApi(app, messagesPerSecond, perChat, time ?? TimeProvider.System);
        app.Map("/bot{token}/{method}", api.AnswerAsync);
        await app.StartAsync();
        return api;
    }

    async Task<IResult> AnswerAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
            return Error(401, "Unauthorized");
        var body = request.HasJsonContentType()
            ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject ?? []
            : [];
        switch (method)
        {
            case "sendMessage" or "editMessageText":
                var chat = body["chat_id"]?.ToJsonString() ?? "";
                if (Admit(chat) is { } retryAfter)
                {
                    Interlocked.Increment(ref _tooManyRequests);
                    return Results.Json(new JsonObject
                    {
                        ["ok"] = false, ["error_code"] = 429,
                        ["description"] = "Too Many Requests: retry after " + retryAfter.ToString(CultureInfo.InvariantCulture),
                        ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
                    }, statusCode: 429);
                }
                var id = method == "sendMessage" ? Interlocked.Increment(ref _nextMessageId) : (int?)body["message_id"] ?? 0;
                return Ok(Message(id, body));
            case "getMe":
                return Ok(new JsonObject { ["id"] = 1000000001, ["is_bot"] = true, ["first_name"] = "Bench", ["username"] = "bench_bot" });
            case "getUpdates":
                return Ok(new JsonArray());
            case "answerCallbackQuery" or "setWebhook" or "deleteWebhook":
                return Ok(true);
            default:
                return Error(404, "Not Found: method not found");
        }
    }

    /// <summary>Null when the message is within the limits (and then counted); else the seconds to wait.</summary>
    int? Admit(string chat)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            while (_lastSecond.Count > 0 && now - _lastSecond.Peek() >= _second)
                _lastSecond.Dequeue();
            if (_lastToChat.TryGetValue(chat, out var last) && now - last < _perChat)
                return SecondsUntil(last + _perChat - now);
            if (_lastSecond.Count >= _perSecond)
                return SecondsUntil(_lastSecond.Peek() + _second - now);
            _lastSecond.Enqueue(now);
            _lastToChat[chat] = now;
            _accepted.Add((now, chat));
            return null;
        }
    }

    /// <summary>Telegram's retry_after is whole seconds, at least one.</summary>
    int SecondsUntil(long ticks) => Math.Max(1, (int)Math.Ceiling((double)ticks / _second));

    static JsonObject Message(int messageId, JsonObject body) => new()
    {
        ["message_id"] = messageId,
        ["from"] = new JsonObject { ["id"] = 1000000001, ["is_bot"] = true, ["first_name"] = "Bench", ["username"] = "bench_bot" },
        ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["text"] = body["text"]?.DeepClone(),
    };

    static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    static IResult Error(int code, string description) =>
        Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, statusCode: code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
