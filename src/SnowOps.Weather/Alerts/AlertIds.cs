using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Weather.Alerts;

/// <summary>An alert's id is derived from its sender and identifier, so the same CAP message is always the same alert.</summary>
public static class AlertIds
{
    public static Guid For(string sender, string identifier)
    {
        return StableId.From(sender.Trim(), identifier.Trim());
    }
}
