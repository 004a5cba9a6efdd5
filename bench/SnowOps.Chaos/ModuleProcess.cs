using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SnowOps.Chaos;

/// <summary>
/// One module of the distributed mode in its own process, as it is deployed: `dotnet SnowOps.Host.dll` with
/// SnowOps:Modules naming the module. Its output is appended to a log file; it can be killed with SIGKILL and started again
/// with the same settings.
/// </summary>
public sealed class ModuleProcess : IAsyncDisposable
{
    readonly string _hostDll;
    readonly IReadOnlyDictionary<string, string> _settings;
    readonly StreamWriter _log;
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
        if (_process is not { HasExited: false } process)
            return;
        WriteLog($"---- SIGKILL {Module} (pid {process.Id})");
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
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
        lock (_log)
            _log.WriteLine(line);
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
        lock (_log)
            _log.Dispose();
    }
}
