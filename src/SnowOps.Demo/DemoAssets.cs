namespace SnowOps.Demo;

/// <summary>The folder the demo's data ships in, next to the binary.</summary>
public sealed class DemoAssets(string folder)
{
    public const string SettingsFile = "demo.settings.json";
    public const string NetworkFile = "monaco.osm.pbf";
    public const string WarningFile = "snow-warning.xml";

    public static DemoAssets NextToBinary() => new(Path.Combine(AppContext.BaseDirectory, "demo"));

    public string Folder => folder;

    public string PathOf(string file) => Path.Combine(folder, file);
}
