using System.Diagnostics;
using System.Globalization;

namespace SnowOps.Cli.Bench;

/// <summary>
/// One measured path: how many messages went in and came out, from the first publish to the last arrival, and each
/// message's time from its publish to its arrival.
/// </summary>
public sealed record Throughput(string Path, int Messages, int Arrived, TimeSpan Took, double P50, double P99, string Load)
{
    public double PerSecond => Arrived / Math.Max(Took.TotalSeconds, 1e-6);
    public bool Complete => Arrived == Messages;

    /// <summary>Milliseconds from publish to arrival, sorted; <paramref name="took"/> spans the first publish to the last arrival.</summary>
    public static Throughput Of(string path, int messages, IReadOnlyCollection<double> latenciesMs, TimeSpan took, string load)
    {
        var sorted = latenciesMs.Order().ToList();
        return new Throughput(path, messages, sorted.Count, took, Percentile(sorted, 0.50), Percentile(sorted, 0.99), load);
    }

    static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The machine's load averages (1, 5 and 15 minutes), as uptime prints them.</summary>
    public static string LoadNow()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>
    /// Publishes messages 0 … count-1 with at most <paramref name="window"/> awaiting the broker's confirm at once, as a
    /// client that pipelines its confirms does; at most <paramref name="rate"/> a second when it is above 0.
    /// </summary>
    public static async Task PipelineAsync(int count, int window, double rate, Func<int, Task> publish, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(window);
        var sent = new Task[count];
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (rate > 0 && TimeSpan.FromSeconds(i / rate) - pace.Elapsed is { Ticks: > 0 } wait)
                await Task.Delay(wait, cancellationToken);
            await inFlight.WaitAsync(cancellationToken);
            sent[i] = PublishAsync(i);
        }
        await Task.WhenAll(sent);

        async Task PublishAsync(int i)
        {
            try
            {
                await publish(i);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/>, or until <paramref name="progress"/> has not moved for <paramref name="stall"/>.</summary>
    public static async Task<bool> WaitAsync(Task done, Func<long> progress, TimeSpan stall, CancellationToken cancellationToken)
    {
        var (last, since) = (progress(), Stopwatch.GetTimestamp());
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(100, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            var now = progress();
            if (now != last)
                (last, since) = (now, Stopwatch.GetTimestamp());
            else if (Stopwatch.GetElapsedTime(since) > stall)
                return done.IsCompleted;
        }
        return true;
    }

    public static double Milliseconds(long fromTimestamp, long toTimestamp) =>
        Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalMilliseconds;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
