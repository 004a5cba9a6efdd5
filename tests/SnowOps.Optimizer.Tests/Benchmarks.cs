using SnowOps.Optimizer.Carp;

namespace SnowOps.Optimizer.Tests;

/// <summary>The classic instances in <c>../shared/carp</c>, found from the test's folder upwards.</summary>
static class Benchmarks
{
    public static string Folder { get; } = Find();

    public static CarpInstance Read(string set, string name) => CarpFile.Read(Path.Combine(Folder, set, name + ".dat"));

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
