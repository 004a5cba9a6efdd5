using System.Security.Cryptography;
using System.Text;

namespace SnowOps.Weather.Alerts;

/// <summary>An alert's id is derived from its sender and identifier, so the same CAP message is always the same alert.</summary>
public static class AlertIds
{
    public static Guid For(string sender, string identifier)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sender.Trim()}\n{identifier.Trim()}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
