using Microsoft.Extensions.Hosting;

namespace SnowOps.ServiceDefaults.Hosting;

public static class BuilderExtensions
{
    const string SettingsKey = "SnowOps.Settings";

    /// <summary>The process settings, read once per builder.</summary>
    public static SnowOpsSettings SnowOpsSettings(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(SettingsKey, out var existing) && existing is SnowOpsSettings settings)
            return settings;
        settings = Hosting.SnowOpsSettings.From(builder.Configuration);
        builder.Properties[SettingsKey] = settings;
        return settings;
    }
}
