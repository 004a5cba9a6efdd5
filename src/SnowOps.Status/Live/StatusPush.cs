using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnowOps.Status.Live;

/// <summary>A change for the screens, on its way to every Status replica's hub: the message name and its body as sent.</summary>
public sealed record StatusPush(string Name, JsonElement Change)
{
    /// <summary>As the hub's JSON protocol writes it: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>The changes one batch made, in order, as one message to every Status replica's hub.</summary>
public sealed record StatusPushes(IReadOnlyList<StatusPush> Pushes);
