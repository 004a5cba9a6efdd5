using System.Globalization;

namespace SnowOps.Cli.Bench;

/// <summary>
/// CPU time the hosts' runtimes spend compiling hot code again, optimised (.NET's tiered compilation runs it on a thread
/// of its own, ".NET Tiered Compilation Worker"), read from <c>/proc</c>: it shows whether the warm-up left that phase out
/// of the measured span. The worker ends after a few idle seconds and a new one starts when there is work again, so the
/// threads are sampled twice a second and each one's growth added up.
/// </summary>
public sealed class CompileTime : IAsyncDisposable
{
    /// <summary>Linux reports thread CPU time in clock ticks of 1/100 s (USER_HZ).</summary>
    const double TicksPerSecond = 100;

    // Linux keeps 15 characters of a thread's name.
    const string ThreadName = ".NET Tiered Com";

    readonly IReadOnlyList<int> _processes;
    readonly Dictionary<(int Process, int Thread), long> _seen = [];
    readonly CancellationTokenSource _stop = new();
    readonly Task _sampling;
    bool _started;
    long _ticks;

    CompileTime(IReadOnlyList<int> processes, bool sample)
    {
        _processes = processes;
        _sampling = sample ? SampleAsync() : Task.CompletedTask;
    }

    /// <summary>Starts sampling the processes' compiling threads; null where <c>/proc</c> is not there.</summary>
    public static CompileTime? Start(IReadOnlyList<int> processIds) =>
        Directory.Exists("/proc/self/task") ? new CompileTime(processIds, sample: true) : null;

    /// <summary>An account fed by hand (<see cref="Add"/>), for its arithmetic.</summary>
    public static CompileTime Unsampled() => new([], sample: false);

    /// <summary>CPU seconds spent compiling since sampling started, up to now.</summary>
    public double Seconds
    {
        get
        {
            Add(Read());
            lock (_seen)
                return _ticks / TicksPerSecond;
        }
    }

    /// <summary>
    /// One reading of every compiling thread's ticks: a thread seen before adds its growth, a thread first seen after the
    /// first reading adds all it used (it started since), and a thread gone adds nothing more.
    /// </summary>
    public void Add(IEnumerable<(int Process, int Thread, long Ticks)> reading)
    {
        lock (_seen)
        {
            foreach (var (process, thread, ticks) in reading)
            {
                if (_seen.TryGetValue((process, thread), out var before))
                    _ticks += Math.Max(0, ticks - before);
                else if (_started)
                    _ticks += ticks;
                _seen[(process, thread)] = ticks;
            }
            _started = true;
        }
    }

    async Task SampleAsync()
    {
        try
        {
            while (true)
            {
                Add(Read());
                await Task.Delay(500, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    List<(int, int, long)> Read()
    {
        var reading = new List<(int, int, long)>();
        foreach (var process in _processes)
        {
            string[] threads;
            try
            {
                threads = Directory.GetDirectories($"/proc/{process}/task");
            }
            catch (DirectoryNotFoundException)
            {
                continue;
            }
            foreach (var thread in threads)
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(thread, "comm")).TrimEnd('\n') == ThreadName)
                        reading.Add((process, int.Parse(Path.GetFileName(thread), CultureInfo.InvariantCulture),
                            Ticks(File.ReadAllText(Path.Combine(thread, "stat")))));
                }
                catch (IOException)
                {
                    // The thread ended between the listing and the read.
                }
            }
        }
        return reading;
    }

    /// <summary>utime + stime from a <c>stat</c> line: the 14th and 15th fields, counted after the name in parentheses.</summary>
    public static long Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
