using System.Diagnostics;
using OpenTelemetry;

namespace SnowOps.CrewBot.Telegram;

/// <summary>
/// The Bot API has the token in every request path (<c>/bot&lt;token&gt;/sendMessage</c>), so HTTP client spans would
/// carry it to the telemetry collector; this takes it out of their names and tags before they are exported.
/// </summary>
public sealed class BotTokenRedaction(string token) : BaseProcessor<Activity>
{
    public const string Redacted = "<bot-token>";

    public override void OnEnd(Activity data)
    {
        if (data.DisplayName.Contains(token, StringComparison.Ordinal))
            data.DisplayName = data.DisplayName.Replace(token, Redacted, StringComparison.Ordinal);
        foreach (var tag in data.TagObjects.ToList())
        {
            if (tag.Value is string text && text.Contains(token, StringComparison.Ordinal))
                data.SetTag(tag.Key, text.Replace(token, Redacted, StringComparison.Ordinal));
        }
    }
}
