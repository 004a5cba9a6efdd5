namespace SnowOps.Cli.Tests;

/// <summary>Runs <c>snowops</c> in-process through the same command tree and entry point as the executable.</summary>
static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SnowOpsCli.InvokeAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }
}
