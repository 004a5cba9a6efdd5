using System.Security.Claims;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Weather.Alerts;

/// <summary>Which CAP senders an alert source may speak for (<c>SnowOps:Weather:Sources</c>).</summary>
public sealed class SourcePolicy(IOptionsMonitor<WeatherOptions> options)
{
    /// <summary>Why the caller may not submit alerts from these senders, or null when it may.</summary>
    public string? Refusal(ClaimsPrincipal caller, IEnumerable<string> senders)
    {
        var sources = options.CurrentValue.Sources;
        if (sources.Count == 0 || caller.IsInRole(Roles.Admin))
            return null;
        var name = caller.Identity?.Name ?? "";
        if (!sources.TryGetValue(name, out var allowed))
            return $"Alert source '{name}' is not listed in SnowOps:Weather:Sources.";
        var refused = senders.Where(s => !allowed.Contains(s, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        return refused.Count == 0 ? null : $"Alert source '{name}' may not submit alerts from {string.Join(", ", refused)}.";
    }
}
