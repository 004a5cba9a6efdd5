using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SnowOps.Cli.Bench;

/// <summary>
/// A real SnowOps host process (<c>dotnet SnowOps.Host.dll</c>) running the modules named, on a free loopback port, in
/// the distributed mode with the run's settings; ready once its <c>/health/ready</c> answers (broker and database up).
/// </summary>
public sealed class ModuleProcess : IAsyncDisposable
{
    const int KeptLines = 40;
    readonly Process _process;
    readonly Queue<string> _lastLines = new();

    ModuleProcess(Process process, string modules, Uri address) => (_process, Modules, Address) = (process, modules, address);

    public string Modules { get; }
    public Uri Address { get; }

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    /// <summary>The Release build of the host beside this command's own build.</summary>
    public static FileInfo DefaultHost() =>
        new(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "SnowOps.Host", "bin", "Release", "net10.0", "SnowOps.Host.dll")));

    public static async Task<ModuleProcess> StartAsync(FileInfo hostDll, string modules, IReadOnlyDictionary<string, string?> settings,
        CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = hostDll.DirectoryName!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll.FullName);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["SnowOps__Modules"] = modules;

        var process = Process.Start(info) ?? throw new StormSetupException("dotnet did not start.");
        var module = new ModuleProcess(process, modules, address);
        process.OutputDataReceived += (_, e) => module.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => module.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await module.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await module.DisposeAsync();
            throw;
        }
        return module;
    }

    async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new StormSetupException($"The {Modules} host exited with {_process.ExitCode}:\n{LastLines()}");
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new StormSetupException($"The {Modules} host was not ready within 120 s:\n{LastLines()}");
    }

    /// <summary>What the process printed last (warnings and errors only), for a run that went wrong.</summary>
    public string LastLines()
    {
        lock (_lastLines)
            return string.Join('\n', _lastLines);
    }

    void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines)
                _lastLines.Dequeue();
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
