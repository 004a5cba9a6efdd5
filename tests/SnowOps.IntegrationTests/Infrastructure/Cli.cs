using System.Diagnostics;

namespace SnowOps.IntegrationTests.Infrastructure;

/// <summary>Runs the real `snowops` command.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repo.CliDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("SnowOps__Auth__SigningKey");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    public static async Task<string> TokenAsync(string dataDir, string role, string name)
    {
        var result = await RunAsync("token", "--data-dir", dataDir, "--role", role, "--name", name);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"snowops token failed: {result.Error}");
    }
}
