using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SnowOps.Chaos;

/// <summary>
/// One module of the distributed mode in its own process, as it is deployed: `dotnet SnowOps.Host.dll` with
/// SnowOps:Modules naming the module. Its output is appended to a log file, each line with the time it came; it can be
/// killed with SIGKILL and started again with the same settings. The last entries of its log are kept to be shown when a
/// fault fails.
/// </summary>
public sealed class ModuleProcess : IAsyncDisposable
{
    readonly string _hostDll;
    readonly IReadOnlyDictionary<string, string> _settings;
    readonly StreamWriter _log;
    readonly Queue<string> _entries = new();
    readonly SemaphoreSlim _turn = new(1, 1);
    string? _header;
    Process? _process;

    ModuleProcess(string module, string hostDll, IReadOnlyDictionary<string, string> settings, string log)
    {
        (Module, _hostDll, _settings) = (module, hostDll, settings);
        _log = new StreamWriter(log, append: true) { AutoFlush = true };
    }

    public string Module { get; }

    public static async Task<ModuleProcess> StartAsync(string module, string hostDll, IReadOnlyDictionary<string, string> settings, string log)
    {
        var process = new ModuleProcess(module, hostDll, settings, log);
        await process.StartAsync();
        return process;
    }

    /// <summary>Starts the process and returns once it answers /health/ready (migrations applied, bus connected).</summary>
    public async Task StartAsync()
    {
        await _turn.WaitAsync();
        try
        {
            await StartProcessAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// What a supervisor (Kubernetes, systemd) does: a process that ended by itself (a module stops itself when a queue of
    /// it is stuck) is started again. Returns its exit code then, or null when it is running or was stopped on purpose.
    /// </summary>
    public async Task<int?> RestartIfEndedAsync()
    {
        await _turn.WaitAsync();
        try
        {
            if (_process is not { HasExited: true } process)
                return null;
            var code = process.ExitCode;
            WriteLog($"---- {Module} ended by itself with exit code {code}; starting it again");
            process.Dispose();
            _process = null;
            await StartProcessAsync();
            return code;
        }
        finally
        {
            _turn.Release();
        }
    }

    async Task StartProcessAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_hostDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in _settings)
            info.Environment[key] = value;
        info.Environment["SnowOps__Modules"] = Module;

        WriteLog($"---- starting {Module} on port {port}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>SIGKILL: the process gets no chance to finish what it holds.</summary>
    public async Task KillAsync()
    {
        await _turn.WaitAsync();
        try
        {
            if (_process is not { HasExited: false } process)
                return;
            WriteLog($"---- SIGKILL {Module} (pid {process.Id})");
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
        finally
        {
            _turn.Release();
        }
    }

    async Task WaitUntilReadyAsync(Process process, Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Module} exited with {process.ExitCode} while starting (see its log)");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Module} was not ready within 90 s (see its log)");
    }

    void WriteLog(string? line)
    {
        if (line is null)
            return;
        var at = TimedWriter.Now();
        lock (_log)
        {
            _log.WriteLine($"{at} {line}");
            Remember(at, line);
        }
    }

    /// <summary>An entry is the console logger's "level: category[id]" line and the message line after it.</summary>
    void Remember(string at, string line)
    {
        if (line.Length > 6 && line[4] == ':' && line[5] == ' ' && !char.IsWhiteSpace(line[0]))
        {
            _header = line;
            return;
        }
        string entry;
        if (line.StartsWith("----", StringComparison.Ordinal))
            entry = $"{at} {line}";
        else if (_header is not null)
            entry = $"{at} {_header[..4]} {line.Trim()}";
        else
            return;
        _header = null;
        _entries.Enqueue(entry);
        while (_entries.Count > 200)
            _entries.Dequeue();
    }

    /// <summary>The last <paramref name="count"/> log entries, one line each (an exception's stack left out).</summary>
    public IReadOnlyList<string> RecentEntries(int count)
    {
        lock (_log)
            return [.. _entries.TakeLast(count)];
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _turn.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
