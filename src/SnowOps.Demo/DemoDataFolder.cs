namespace SnowOps.Demo;

/// <summary>
/// The demo's own data folder, emptied at every start so the storm replays from the beginning. It carries a marker
/// file, and a folder with files but without the marker is never emptied: a mistyped setting must not wipe real data.
/// </summary>
public sealed class DemoDataFolder(string path)
{
    const string Marker = ".snowops-demo";

    public string Path => path;

    public void Reset()
    {
        var marker = System.IO.Path.Combine(path, Marker);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            if (!File.Exists(marker))
                throw new InvalidOperationException(
                    $"The demo empties its data folder at start, and {path} holds files that are not the demo's. Choose another SnowOps:DataDir.");
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        File.WriteAllText(marker, "The SnowOps demo's data: emptied at every demo start.\n");
    }
}
