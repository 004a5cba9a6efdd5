using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SnowOps.Demo.Tests;

/// <summary>
/// <c>dotnet SnowOps.Host.dll --demo</c> as a real process on a port of its own choosing, in a data folder of the test's,
/// with the given settings on its command line. Its address and tokens are read from the links it prints.
/// </summary>
public sealed partial class DemoProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly string _dataDir;

    DemoProcess(Process process, string dataDir)
    {
        _process = process;
        _dataDir = dataDir;
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static DemoProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "snowops-demo-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(HostFolder(), "SnowOps.Host.dll"));
        foreach (var arg in new[] { "--demo", "--urls", "http://127.0.0.1:0", "--SnowOps:Demo:DataDir", dataDir })
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add("--" + key);
            info.ArgumentList.Add(value);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var demo = new DemoProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."), dataDir);
        demo._process.OutputDataReceived += (_, e) => demo.Append(e.Data);
        demo._process.ErrorDataReceived += (_, e) => demo.Append(e.Data);
        demo._process.BeginOutputReadLine();
        demo._process.BeginErrorReadLine();
        return demo;
    }

    [GeneratedRegex(@"Committee dashboard: (http://[^/]+)/dashboard#token=(\S+)")]
    private static partial Regex DashboardLink();

    [GeneratedRegex(@"Dispatcher console:  http://[^/]+/console#token=(\S+)")]
    private static partial Regex ConsoleLink();

    /// <summary>The host's address and a committee client, from the links the demo printed.</summary>
    public async Task<HttpClient> CommitteeAsync() => Client((await PrintedAsync(DashboardLink())).Groups);

    public async Task<HttpClient> DispatcherAsync()
    {
        var root = (await PrintedAsync(DashboardLink())).Groups[1].Value;
        var token = (await PrintedAsync(ConsoleLink())).Groups[1].Value;
        return Client(root, token);
    }

    static HttpClient Client(GroupCollection link) => Client(link[1].Value, link[2].Value);

    static HttpClient Client(string root, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(root), Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Waits for a line of the output; on time-out the output says why it never came.</summary>
    public async Task<Match> PrintedAsync(Regex line, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (line.Match(Output) is { Success: true } found)
                return found;
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"The demo never printed /{line}/ (exited: {_process.HasExited}). It wrote:\n{Output}");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    static string HostFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SnowOps.sln")))
            dir = dir.Parent;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("SnowOps.sln not found."), "src", "SnowOps.Host", "bin", configuration, "net10.0");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_dataDir))
            Directory.Delete(_dataDir, recursive: true);
    }
}
