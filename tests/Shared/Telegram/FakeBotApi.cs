using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SnowOps.Testing.Telegram;

/// <summary>
/// One call the bot made: the method, its JSON parameters, when it came (since the fake started), the HTTP status it was
/// answered and, for a message sent, the message_id it was given.
/// </summary>
public sealed record BotCall(string Method, JsonObject Body, TimeSpan At = default, int Status = 200, int? MessageId = null)
{
    public string? Text => (string?)Body["text"];

    public string? ChatId => Body["chat_id"]?.ToJsonString();

    /// <summary>The callback data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData => Body["reply_markup"]?["inline_keyboard"]?.AsArray()
        .SelectMany(row => row!.AsArray()).Select(b => (string)b!["callback_data"]!).ToList() ?? [];
}

/// <summary>
/// A Bot API server on 127.0.0.1 that speaks the real protocol (<c>/bot&lt;token&gt;/&lt;method&gt;</c>, answers in the
/// <c>{"ok":…,"result":…}</c> envelope), records every call and hands out the updates it is fed through getUpdates.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAFakeTokenForTestsOnly";
    const long BotId = 123456789;

    readonly WebApplication _app;
    readonly ConcurrentQueue<BotCall> _calls = new();
    readonly List<JsonObject> _updates = [];
    readonly long _started = Stopwatch.GetTimestamp();
    int _nextMessageId = 1000;
    int _tooManyRequests;
    int _retryAfter;

    FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<BotCall> Calls => _calls.ToList();

    public IReadOnlyList<BotCall> CallsOf(string method) => _calls.Where(c => c.Method == method).ToList();

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.Map("/bot{token}/{method}", fake.AnswerAsync);
        app.MapGet("/file/bot{token}/{**path}", fake.FileAsync);
        await app.StartAsync();
        return fake;
    }

    readonly ConcurrentDictionary<string, string> _refused = new();
    readonly ConcurrentDictionary<string, (string UniqueId, byte[] Bytes, string Path, long Announced)> _files = new();
    readonly ConcurrentQueue<string> _downloads = new();

    /// <summary>
    /// A file the bot can fetch by its file_id: getFile answers its path and size (the real one unless another is
    /// announced), and the path serves the bytes.
    /// </summary>
    public void AddFile(string fileId, byte[] bytes, string uniqueId = "unique", long? announcedSize = null) =>
        _files[fileId] = (uniqueId, bytes, $"photos/file_{Interlocked.Increment(ref _nextFile)}.jpg", announcedSize ?? bytes.Length);

    int _nextFile;

    /// <summary>The file paths the bot downloaded, in order.</summary>
    public IReadOnlyList<string> Downloads => _downloads.ToList();

    /// <summary>From now on, messages to this chat are answered with the error in the sample file (e.g. a 403).</summary>
    public void Refuse(string chatId, string errorSample) => _refused[chatId] = errorSample;

    /// <summary>The next <paramref name="calls"/> messages sent or edited are answered 429 with this retry_after, as a flood of them would be.</summary>
    public void TooManyRequests(int calls, int retryAfterSeconds)
    {
        _retryAfter = retryAfterSeconds;
        Volatile.Write(ref _tooManyRequests, calls);
    }

    /// <summary>An update for the next getUpdates.</summary>
    public void Feed(JsonObject update)
    {
        lock (_updates)
            _updates.Add(update);
    }

    async Task<IResult> AnswerAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
        var body = request.ContentLength is > 0 || request.HasJsonContentType()
            ? (JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject ?? [])
            : [];
        var at = Stopwatch.GetElapsedTime(_started);
        if (method is "sendMessage" or "editMessageText" && TakeTooManyRequests())
        {
            _calls.Enqueue(new BotCall(method, body, at, 429));
            var error = JsonNode.Parse(await File.ReadAllTextAsync(Samples.PathOf("response-error-429-retry-after.json")))!;
            error["description"] = "Too Many Requests: retry after " + _retryAfter;
            error["parameters"]!["retry_after"] = _retryAfter;
            return Results.Json(error, statusCode: 429);
        }
        if (body["chat_id"]?.ToJsonString() is { } chat && _refused.TryGetValue(chat, out var sample))
        {
            var error = JsonNode.Parse(await File.ReadAllTextAsync(Samples.PathOf(sample)))!;
            _calls.Enqueue(new BotCall(method, body, at, (int)error["error_code"]!));
            return Results.Json(error, statusCode: (int)error["error_code"]!);
        }
        int? sentId = method == "sendMessage" ? Interlocked.Increment(ref _nextMessageId) : null;
        _calls.Enqueue(new BotCall(method, body, at, MessageId: sentId));
        JsonNode? result = method switch
        {
            "getMe" => JsonNode.Parse(await File.ReadAllTextAsync(Samples.PathOf("response-getMe.json")))!["result"]!.DeepClone(),
            "sendMessage" => Message(sentId!.Value, body),
            "editMessageText" or "editMessageReplyMarkup" => Message((int)body["message_id"]!, body),
            "getUpdates" => await UpdatesAsync(body),
            "getFile" => FileInfo((string?)body["file_id"]),
            "answerCallbackQuery" or "setWebhook" or "deleteWebhook" => true,
            _ => null,
        };
        if (method == "getFile" && result is null)
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = "Bad Request: invalid file_id" }, statusCode: 400);
        return result is null
            ? Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method not found" }, statusCode: 404)
            : Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    JsonObject? FileInfo(string? fileId) => fileId is not null && _files.TryGetValue(fileId, out var file)
        ? new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = file.UniqueId, ["file_size"] = file.Announced, ["file_path"] = file.Path }
        : null;

    /// <summary>The download path: <c>/file/bot&lt;token&gt;/&lt;file_path&gt;</c>, plain bytes or a 404.</summary>
    IResult FileAsync(string token, string path)
    {
        if (token != Token)
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
        _downloads.Enqueue(path);
        var file = _files.Values.FirstOrDefault(f => f.Path == path);
        return file.Path is null
            ? Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found" }, statusCode: 404)
            : Results.Bytes(file.Bytes, "application/octet-stream");
    }

    bool TakeTooManyRequests()
    {
        var left = Volatile.Read(ref _tooManyRequests);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _tooManyRequests, left - 1, left);
            if (seen == left)
                return true;
            left = seen;
        }
        return false;
    }

    static JsonObject Message(int messageId, JsonObject body) => new()
    {
        ["message_id"] = messageId,
        ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "MY BOT", ["username"] = "mybot" },
        ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["text"] = body["text"]?.DeepClone(),
        ["reply_markup"] = body["reply_markup"] is JsonObject { } markup && markup.ContainsKey("inline_keyboard") ? markup.DeepClone() : null,
    };

    /// <summary>Long polling: the updates from the offset on (those before it are confirmed and dropped), waiting a moment for some.</summary>
    async Task<JsonArray> UpdatesAsync(JsonObject body)
    {
        var offset = (long?)body["offset"] ?? 0;
        var until = DateTime.UtcNow.AddSeconds(Math.Min((int?)body["timeout"] ?? 0, 1));
        while (true)
        {
            lock (_updates)
            {
                _updates.RemoveAll(u => (long)u["update_id"]! < offset);
                if (_updates.Count > 0 || DateTime.UtcNow >= until)
                    return new JsonArray(_updates.Select(u => (JsonNode)u.DeepClone()).ToArray());
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
