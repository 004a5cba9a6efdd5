namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>Where the built host and CLI are, found from this test assembly's own folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the host is used from the same configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string HostFolder => Built("SnowOps.Host", "SnowOps.Host.dll");

    public static string CliDll => Path.Combine(Built("SnowOps.Cli", "snowops.dll"), "snowops.dll");

    public static string Sample(string kind, string file) => Path.Combine(Root, "..", "shared", "samples", kind, file);

    public static string Osm(string file) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "osm", file));

    static string Built(string project, string dll)
    {
        var folder = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0");
        return File.Exists(Path.Combine(folder, dll))
            ? folder
            : throw new FileNotFoundException($"{dll} is not built in {folder}; build the solution first (ops/test.sh does).");
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SnowOps.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("SnowOps.sln not found above " + AppContext.BaseDirectory);
    }
}
