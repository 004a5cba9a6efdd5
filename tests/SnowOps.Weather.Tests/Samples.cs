namespace SnowOps.Weather.Tests;

/// <summary>The real agency documents in ../shared/samples, found from the test's folder upwards.</summary>
public static class Samples
{
    public static string Folder(string kind)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", kind);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/samples/{kind} above {AppContext.BaseDirectory}.");
    }

    public static string Path_(string kind, string file) => Path.Combine(Folder(kind), file);

    public static Stream Open(string kind, string file) => File.OpenRead(Path_(kind, file));

    public static IEnumerable<object[]> Cap(bool negative) =>
        Directory.EnumerateFiles(Folder("cap"), "*.xml")
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("negative-", StringComparison.Ordinal) == negative)
            .Order()
            .Select(name => new object[] { name! });
}
