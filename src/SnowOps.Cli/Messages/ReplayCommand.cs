using System.CommandLine;
using System.Globalization;

namespace SnowOps.Cli.Messages;

/// <summary>
/// <c>snowops messages replay QUEUE (--id ID... | --all)</c>: moves failed messages back to the queue they came from,
/// one by one, each acknowledged in the failed queue only after the broker confirmed its copy.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var queue = MessagesCommand.QueueArgument();
        var ids = new Option<string[]>("--id")
        {
            Description = "The message id of one to replay (snowops messages show prints them). Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var all = new Option<bool>("--all") { Description = "Replay every message in the queue." };
        return MessagesCommand.Build("replay", "Move messages of an error or skipped queue back to the queue they came from.",
            [queue, ids, all],
            async (parse, address, output, cancellationToken) =>
            {
                var name = parse.GetValue(queue)!;
                var wanted = (parse.GetValue(ids) ?? []).Select(i => i.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var everything = parse.GetValue(all);
                if (everything == (wanted.Count > 0))
                    throw MessagesRefused.BadInput("Say which messages to replay: --id ID (repeatable) or --all, not both.");
                if (wanted.Contains(""))
                    throw MessagesRefused.BadInput("--id needs a message id.");
                if (FailedQueue.Refusal(name) is { } refusal)
                    throw MessagesRefused.BadInput(refusal);
                var source = FailedQueue.SourceOf(name)!;

                await using var broker = await Broker.ConnectAsync(address, cancellationToken);
                var count = await broker.RequireAsync(name, cancellationToken);
                if (await broker.CountAsync(source, cancellationToken) is null)
                    throw MessagesRefused.BadInput($"The queue '{name}' belongs to, '{source}', does not exist: start the module that consumes it first.");

                var replay = new Replay(broker.Channel, name, source, output);
                var moved = await replay.RunAsync(count, everything ? null : wanted, cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Moved {moved} message(s) from {name} back to {source}."));
                if (everything || wanted.Count == 0)
                    return 0;
                parse.InvocationConfiguration.Error.WriteLine($"Not in {name}: {string.Join(", ", wanted.Order(StringComparer.Ordinal))}");
                return SnowOpsCli.BadInput;
            });
    }
}
