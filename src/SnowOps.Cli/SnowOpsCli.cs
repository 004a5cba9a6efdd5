using System.CommandLine;
using SnowOps.Cli.Bench;
using SnowOps.Cli.Messages;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli;

/// <summary>The command tree, built in one place so that tests run exactly what <c>snowops</c> runs.</summary>
public static class SnowOpsCli
{
    /// <summary>Exit code for input that cannot be used: a missing or malformed file, a bad option value.</summary>
    public const int BadInput = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("snowops: the SnowOps command line.");
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RouteCommand.Create());
        root.Subcommands.Add(MessagesCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
    /// <returns>The command's exit code; <see cref="BadInput"/> when the arguments themselves do not parse.</returns>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Create().Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        // System.CommandLine answers a parse error with 1; scripts tell bad input from a failed run by 2.
        return parse.Errors.Count > 0 ? BadInput : code;
    }
}
