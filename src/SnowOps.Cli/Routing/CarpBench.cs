using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary>
/// Runs every <c>.dat</c> under a folder through SnowOps' solver and, in the same time budget, OR-Tools' routing solver.
/// Instances run <c>parallel</c> at a time; each solver is single-threaded, so the budget means "S seconds on one core".
/// </summary>
public static class CarpBench
{
    public sealed record Settings(TimeSpan Limit, int Seed, int Parallel, bool Baseline);

    /// <summary>Files in set order, then instance order: gdb2 before gdb10. The set is the file's folder name.</summary>
    public static IReadOnlyList<(string Set, FileInfo File)> Instances(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.dat", SearchOption.AllDirectories)
            .Select(f => (Set: f.Directory!.Name, File: f))
            .OrderBy(p => p.Set, NaturalOrder.Instance)
            .ThenBy(p => Path.GetFileNameWithoutExtension(p.File.Name), NaturalOrder.Instance)
            .ToList();

    /// <summary>Runs them all; <paramref name="progress"/> hears of each instance as it finishes (the rows come back in order).</summary>
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        IReadOnlyList<(string Set, FileInfo File)> instances, BestKnown bks, Settings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var rows = new BenchRow?[instances.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, instances.Count), options, (i, token) =>
        {
            var (set, file) = instances[i];
            var row = RunOne(set, file, bks, settings, token);
            rows[i] = row;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{Interlocked.Increment(ref done)}/{instances.Count}] {set}/{row.Instance}: SnowOps {Describe(row.SnowOps)}{(row.OrTools is { } o ? $", OR-Tools {Describe(o)}" : "")}{(row.Bks is { } b ? $", best known {b}" : "")}");
            lock (progress)
                progress.WriteLine(row.Unreadable ?? line);
            return ValueTask.CompletedTask;
        });
        return rows.Select(r => r!).ToList();
    }

    static BenchRow RunOne(string set, FileInfo file, BestKnown bks, Settings settings, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file.Name);
        var reasons = new StringWriter();
        if (!CarpCommand.TryRead(file.FullName, reasons, out var instance))
        {
            var unread = new CarpAttempt(null, 0, "unreadable");
            return new BenchRow(set, name, bks.Find(set, name), unread, settings.Baseline ? unread : null, reasons.ToString().Trim());
        }
        var ours = Guard(() => CarpAttempt.SnowOps(instance, settings.Limit, settings.Seed, cancellationToken));
        var theirs = settings.Baseline ? Guard(() => CarpAttempt.OrTools(instance, settings.Limit)) : null;
        return new BenchRow(set, instance.Name, bks.Find(set, instance.Name), ours, theirs);
    }

    /// <summary>A solver that throws fails its own cell, not the whole benchmark.</summary>
    static CarpAttempt Guard(Func<CarpAttempt> attempt)
    {
        try
        {
            return attempt();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CarpAttempt(null, 0, $"error: {e.GetType().Name}: {e.Message}");
        }
    }

    static string Describe(CarpAttempt attempt) =>
        attempt.Cost is { } cost ? string.Create(CultureInfo.InvariantCulture, $"{cost} ({attempt.Seconds:0.0} s)") : attempt.Failure!;
}
