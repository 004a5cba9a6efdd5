namespace SnowOps.Cli.Tests;

/// <summary>The classic instances in <c>../shared/carp</c>, found from the test's folder upwards.</summary>
static class Benchmarks
{
    public static string Folder { get; } = Find();

    public static string File(string set, string name) => Path.Combine(Folder, set, name + ".dat");

    public static string BestKnown => Path.Combine(Folder, "bks.csv");

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "carp");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("No shared/carp folder above " + AppContext.BaseDirectory);
    }
}

/// <summary>A folder of its own under the temp folder, removed after the test.</summary>
sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("snowops-cli-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
