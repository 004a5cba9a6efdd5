using System.Text.Json.Nodes;

namespace SnowOps.Testing.Telegram;

/// <summary>Real Bot API payloads, kept next to the repository in <c>../shared/samples/telegram</c>; read, never written.</summary>
public static class Samples
{
    static readonly string Folder = Path.Combine(RepositoryRoot(), "..", "shared", "samples", "telegram");

    public static string PathOf(string file) => Directory.Exists(Folder)
        ? Path.Combine(Folder, file)
        : throw new DirectoryNotFoundException($"The Telegram samples are read from {Path.GetFullPath(Folder)}, next to the repository; it is not there.");

    public static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(PathOf(file)))!.AsObject();

    /// <summary>"/start Alohalooo" from John Doe's private chat, with another update id and text.</summary>
    public static JsonObject Text(long updateId, string text, string file = "update-message-start-deeplink.json")
    {
        var update = Read(file);
        update["update_id"] = updateId;
        update["message"]!["text"] = text;
        if (!text.StartsWith('/'))
            update["message"]!.AsObject().Remove("entities");
        return update;
    }

    /// <summary>John Doe pressing an inline button of message <paramref name="messageId"/>.</summary>
    public static JsonObject Press(long updateId, string data, int messageId = 391, string file = "update-callback-query-inline-keyboard.json")
    {
        var update = Read(file);
        update["update_id"] = updateId;
        update["callback_query"]!["id"] = "press-" + updateId;
        update["callback_query"]!["data"] = data;
        update["callback_query"]!["message"]!["message_id"] = messageId;
        return update;
    }

    /// <summary>John Doe's chat in the samples.</summary>
    public const string JohnsChat = "1850121251";

    static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SnowOps.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("SnowOps.sln not found above " + AppContext.BaseDirectory);
    }
}
