using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SnowOps.Demo.Telegram;

/// <summary>A message the bot sent to a chat, as it stands after its last edit: its text and its buttons' callback data.</summary>
public sealed record BotMessage(long ChatId, int MessageId, string Text, IReadOnlyList<string> Buttons, bool AsksForReply);

/// <summary>
/// The demo's Telegram: a Bot API server on 127.0.0.1 that speaks the real protocol (<c>/bot&lt;token&gt;/&lt;method&gt;</c>,
/// answers in the <c>{"ok":…,"result":…}</c> envelope) and keeps what the bot sent to each chat, so the simulated crews
/// can read their cards. Nothing leaves the machine.
/// </summary>
public sealed class DemoBotApi : IAsyncDisposable
{
    public const string Token = "100000001:DemoTokenNotForTelegram";
    public const long BotId = 100000001;

    readonly WebApplication _app;
    readonly Dictionary<(long Chat, int Message), BotMessage> _messages = [];
    int _nextMessageId = 1;

    DemoBotApi(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static DemoBotApi Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new DemoBotApi(app);
        app.Map("/bot{token}/{method}", api.AnswerAsync);
        app.StartAsync().GetAwaiter().GetResult();
        return api;
    }

    /// <summary>The messages sent to a chat, oldest first, each as last edited.</summary>
    public IReadOnlyList<BotMessage> MessagesTo(long chatId)
    {
        lock (_messages)
            return _messages.Values.Where(m => m.ChatId == chatId).OrderBy(m => m.MessageId).ToList();
    }

    async Task<IResult> AnswerAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401);
        var body = request.HasJsonContentType()
            ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject ?? []
            : [];
        JsonNode? result = method switch
        {
            "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "SnowOps demo", ["username"] = "snowops_demo_bot" },
            "sendMessage" => Keep(body, Interlocked.Increment(ref _nextMessageId)),
            "editMessageText" or "editMessageReplyMarkup" => Keep(body, (int?)body["message_id"] ?? 0),
            "answerCallbackQuery" or "setWebhook" or "deleteWebhook" or "sendChatAction" => true,
            _ => null,
        };
        return result is null
            ? Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method not found" }, statusCode: 404)
            : Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    JsonObject Keep(JsonObject body, int messageId)
    {
        var chatId = (long?)body["chat_id"] ?? 0;
        lock (_messages)
        {
            _messages.TryGetValue((chatId, messageId), out var before);
            var text = (string?)body["text"] ?? before?.Text ?? "";
            var buttons = body["reply_markup"]?["inline_keyboard"]?.AsArray()
                .SelectMany(row => row!.AsArray()).Select(b => (string?)b!["callback_data"]).OfType<string>().ToList() ?? [];
            var asks = body["reply_markup"]?["force_reply"] is not null;
            _messages[(chatId, messageId)] = new BotMessage(chatId, messageId, text, buttons, asks);
        }
        return new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "SnowOps demo", ["username"] = "snowops_demo_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = body["text"]?.DeepClone(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
