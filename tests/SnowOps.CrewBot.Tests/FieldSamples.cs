using System.Globalization;
using System.Text.Json.Nodes;

namespace SnowOps.CrewBot.Tests;

/// <summary>The photo and location samples, sent from John Doe's chat.</summary>
public static class FieldSamples
{
    /// <summary>The four sizes of the sample photo, by file_id; the largest in pixels is 1000×500, though 800×400 has more bytes.</summary>
    public static readonly string[] PhotoSizes =
    [
        "AgACAgUAAxkBAAICAAFhYFbl2zSqRZDcGr4TAxyW3WxhYwAC6q4xG6fdAVcEXS8Nkjh55gEAAwIAA3MAAyEE",
        "AgACAgUAAxkBAAICAAFhYFbl2zSqRZDcGr4TAxyW3WxhYwAC6q4xG6fdAVcEXS8Nkjh55gEAAwIAA20AAyEE",
        "AgACAgUAAxkBAAICAAFhYFbl2zSqRZDcGr4TAxyW3WxhYwAC6q4xG6fdAVcEXS8Nkjh55gEAAwIAA3kAAyEE",
        "AgACAgUAAxkBAAICAAFhYFbl2zSqRZDcGr4TAxyW3WxhYwAC6q4xG6fdAVcEXS8Nkjh55gEAAwIAA3gAAyEE",
    ];

    /// <summary>The photo-with-caption sample, moved to John Doe's chat; no caption when null.</summary>
    public static JsonObject Photo(long updateId, string? caption)
    {
        var update = Samples.Read("update-message-photo-caption.json");
        update["update_id"] = updateId;
        var message = update["message"]!.AsObject();
        message["chat"]!["id"] = John;
        message["from"]!["id"] = John;
        if (caption is null)
            message.Remove("caption");
        else
            message["caption"] = caption;
        return update;
    }

    /// <summary>John Doe's location message (the start of sharing one), at a place and time.</summary>
    public static JsonObject Location(long updateId, double latitude, double longitude, DateTimeOffset? at = null)
    {
        var update = Samples.Read("update-message-location.json");
        update["update_id"] = updateId;
        var message = update["message"]!.AsObject();
        message["location"]!["latitude"] = latitude;
        message["location"]!["longitude"] = longitude;
        if (at is { } time)
            message["date"] = time.ToUnixTimeSeconds();
        return update;
    }

    /// <summary>A move of John Doe's live location: an edit of message 412 at <paramref name="editedAt"/>.</summary>
    public static JsonObject Live(long updateId, double latitude, double longitude, DateTimeOffset editedAt, double accuracyMeters = 3)
    {
        var update = Samples.Read("update-edited-message-live-location.json");
        update["update_id"] = updateId;
        var message = update["edited_message"]!.AsObject();
        message["location"]!["latitude"] = latitude;
        message["location"]!["longitude"] = longitude;
        message["location"]!["horizontal_accuracy"] = accuracyMeters;
        message["date"] = editedAt.AddMinutes(-5).ToUnixTimeSeconds();
        message["edit_date"] = editedAt.ToUnixTimeSeconds();
        return update;
    }

    static long John => long.Parse(Samples.JohnsChat, CultureInfo.InvariantCulture);
}
