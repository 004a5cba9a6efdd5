using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using SnowOps.Demo.Crews;
using SnowOps.Demo.Setup;
using SnowOps.Demo.Storm;
using SnowOps.Demo.Telegram;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Hosting;

namespace SnowOps.Demo;

/// <summary>
/// <c>--demo</c>: the host runs on the demo's own settings and data folder (Monaco's streets, depots, crews and heating
/// registry), its bot talks to a Bot API served inside the demo, and a storm is played through the real endpoints.
/// Without the switch nothing here runs.
/// </summary>
public static class DemoMode
{
    public const string Switch = "--demo";

    /// <summary>The command line with <c>--demo</c> turned into the setting <c>SnowOps:Demo:Enabled</c>.</summary>
    public static string[] ReadSwitch(string[] args) =>
        args.Select(a => a == Switch ? $"--{DemoOptions.Section}:Enabled=true" : a).ToArray();

    /// <summary>Must come before the service defaults and the modules: it chooses their settings and data folder.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
            return builder;
        var assets = DemoAssets.NextToBinary();
        UseDemoSettings(builder.Configuration, assets);
        var options = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        options.Validate();
        builder.Configuration.AddInMemoryCollection([new("SnowOps:DataDir", Path.GetFullPath(options.DataDir))]);
        var settings = SnowOpsSettings.From(builder.Configuration);
        if (settings.Database != DatabaseKind.Sqlite || settings.Transport != TransportKind.InMemory)
            throw new InvalidOperationException("The demo runs embedded: SQLite and the in-memory transport.");

        var data = new DemoDataFolder(settings.DataDir);
        data.Reset();
        var key = SigningKey.Resolve(builder.Configuration, settings.DataDir, createIfMissing: true);
        var telegram = DemoBotApi.Start();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Routing:NetworkFile"] = builder.Configuration["SnowOps:Routing:NetworkFile"] ?? assets.PathOf(DemoAssets.NetworkFile),
            ["SnowOps:CrewBot:Telegram:Token"] = DemoBotApi.Token,
            ["SnowOps:CrewBot:Telegram:BaseUrl"] = telegram.BaseUrl,
            ["SnowOps:CrewBot:Telegram:Mode"] = "Webhook",
            ["SnowOps:CrewBot:Telegram:WebhookSecret"] = HostApi.WebhookSecret,
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(assets);
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(_ => telegram);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HostApi>(sp, key));
        builder.Services.AddSingleton<CrewWork>();
        builder.Services.AddSingleton<DemoSetup>();
        builder.Services.AddSingleton<StormScript>();
        builder.Services.AddHostedService<DemoRun>();
        Console.WriteLine($"SnowOps demo: data folder {data.Path} emptied, the storm replays from the beginning; Telegram is served at {telegram.BaseUrl}.");
        return builder;
    }

    /// <summary>The demo's settings file takes the place of appsettings.json; environment and command line still win.</summary>
    static void UseDemoSettings(ConfigurationManager configuration, DemoAssets assets)
    {
        var sources = configuration.Sources;
        var appSettings = sources.OfType<JsonConfigurationSource>()
            .Where(s => s.Path?.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true).ToList();
        var at = appSettings.Count > 0 ? sources.IndexOf(appSettings[0]) : 0;
        foreach (var source in appSettings)
            sources.Remove(source);
        sources.Insert(at, new JsonConfigurationSource
        {
            Path = DemoAssets.SettingsFile,
            Optional = false,
            FileProvider = new PhysicalFileProvider(assets.Folder),
        });
    }
}
