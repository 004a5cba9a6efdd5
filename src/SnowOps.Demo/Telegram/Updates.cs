using System.Text.Json.Nodes;

namespace SnowOps.Demo.Telegram;

/// <summary>Telegram <c>Update</c> objects as a member's phone causes them: a text, a button press, a live location and its moves.</summary>
public static class Updates
{
    static long _nextUpdateId;
    static int _nextMessageId;

    public static int NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    public static JsonObject Text(DemoMember member, string text)
    {
        var message = Message(member, NextMessageId());
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ')[0];
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = command.Length, ["type"] = "bot_command" });
        }
        return Update("message", message);
    }

    public static JsonObject Press(DemoMember member, BotMessage card, string data)
    {
        var message = new JsonObject
        {
            ["message_id"] = card.MessageId,
            ["from"] = new JsonObject { ["id"] = DemoBotApi.BotId, ["is_bot"] = true, ["first_name"] = "SnowOps demo", ["username"] = "snowops_demo_bot" },
            ["chat"] = Chat(member),
            ["date"] = Now(),
            ["text"] = card.Text,
        };
        var id = Interlocked.Increment(ref _nextUpdateId);
        return new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"demo-press-{id}",
                ["from"] = From(member),
                ["message"] = message,
                ["chat_instance"] = $"demo-{member.ChatId}",
                ["data"] = data,
            },
        };
    }

    /// <summary>The first position of a live location (a message), or a move (an edit of that same message).</summary>
    public static JsonObject Location(DemoMember member, int messageId, double latitude, double longitude, bool first)
    {
        var message = Message(member, messageId);
        if (!first)
            message["edit_date"] = Now();
        message["location"] = new JsonObject
        {
            ["latitude"] = Math.Round(latitude, 6),
            ["longitude"] = Math.Round(longitude, 6),
            ["live_period"] = 3600,
            ["horizontal_accuracy"] = 5,
        };
        return Update(first ? "message" : "edited_message", message);
    }

    static JsonObject Update(string kind, JsonObject message) =>
        new() { ["update_id"] = Interlocked.Increment(ref _nextUpdateId), [kind] = message };

    static JsonObject Message(DemoMember member, int messageId) => new()
    {
        ["message_id"] = messageId,
        ["from"] = From(member),
        ["chat"] = Chat(member),
        ["date"] = Now(),
    };

    static JsonObject From(DemoMember member) =>
        new() { ["id"] = member.ChatId, ["is_bot"] = false, ["first_name"] = member.Name, ["language_code"] = "en" };

    static JsonObject Chat(DemoMember member) =>
        new() { ["id"] = member.ChatId, ["first_name"] = member.Name, ["type"] = "private" };

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
