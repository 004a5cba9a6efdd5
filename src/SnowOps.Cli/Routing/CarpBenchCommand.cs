using System.CommandLine;
using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary>
/// <c>snowops route bench FOLDER --seconds S [--seed N] [--parallel P] [--bks FILE] [--no-baseline] [--markdown] [--csv FILE]</c>:
/// every CARP file under the folder, SnowOps beside OR-Tools in the same budget, gaps to the best-known costs.
/// Exit codes: 0 every solution valid, 2 bad input (options, folder, bks file, an unreadable instance), 3 a solver failed.
/// </summary>
public static class CarpBenchCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of .dat files, searched recursively; a file's folder name is its set." };
        var seconds = RouteCommand.Seconds("Time limit per instance, for each solver.", 10);
        var seed = RouteCommand.Seed();
        var parallel = RouteCommand.Parallel();
        var bks = new Option<FileInfo?>("--bks") { Description = "Best-known costs (CSV with set, instance, bks). Default: bks.csv in the folder or above it." };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Leave out OR-Tools." };
        var markdown = new Option<bool>("--markdown") { Description = "Print markdown tables (for the README)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write one CSV line per instance to this file." };
        var command = new Command("bench", "Benchmark SnowOps against best-known costs and OR-Tools on a folder of CARP instances.")
        {
            folder, seconds, seed, parallel, bks, noBaseline, markdown, csv,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = parse.GetValue(folder)!;
            if (!root.Exists)
            {
                error.WriteLine($"{root.FullName}: no such folder.");
                return SnowOpsCli.BadInput;
            }
            var instances = CarpBench.Instances(root);
            if (instances.Count == 0)
            {
                error.WriteLine($"{root.FullName}: no .dat files in it or below it.");
                return SnowOpsCli.BadInput;
            }
            if (!TryBestKnown(parse.GetValue(bks), root, error, out var best, out var bksPath))
                return SnowOpsCli.BadInput;

            var settings = new CarpBench.Settings(
                TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(seed), parse.GetValue(parallel), !parse.GetValue(noBaseline));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CARP benchmark: {instances.Count} instances under {root.FullName}, {settings.Limit.TotalSeconds:0.###} s per instance for each solver, seed {settings.Seed}, {settings.Parallel} at a time; best-known costs from {bksPath ?? "nowhere"}."));
            output.WriteLine();
            var rows = await CarpBench.RunAsync(instances, best, settings, error, cancellationToken);
            BenchReport.Write(output, rows, settings.Baseline, parse.GetValue(markdown));
            if (parse.GetValue(csv) is { } csvFile)
                BenchCsv.Write(csvFile.FullName, rows);

            return rows.Any(r => r.Unreadable is not null) ? SnowOpsCli.BadInput
                : rows.Any(r => r.Failed) ? CarpCommand.InvalidSolution
                : 0;
        });
        return command;
    }

    /// <summary>The given bks file, which must read; else the default one if there is one; else none (gaps left blank).</summary>
    static bool TryBestKnown(FileInfo? given, DirectoryInfo root, TextWriter error, out BestKnown best, out string? path)
    {
        best = BestKnown.None;
        path = given?.FullName ?? BestKnown.Locate(root);
        if (path is null)
        {
            error.WriteLine($"No bks.csv in or above {root.FullName}: gaps are left blank. Name one with --bks.");
            return true;
        }
        try
        {
            best = BestKnown.Read(path);
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot read best-known costs: {e.Message}");
            return false;
        }
    }
}
