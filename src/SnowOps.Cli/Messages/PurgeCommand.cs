using System.CommandLine;
using System.Globalization;

namespace SnowOps.Cli.Messages;

/// <summary><c>snowops messages purge QUEUE --yes</c>: deletes every message of an error or skipped queue.</summary>
public static class PurgeCommand
{
    public static Command Create()
    {
        var queue = MessagesCommand.QueueArgument();
        var yes = new Option<bool>("--yes") { Description = "Confirms the purge; the messages cannot be brought back." };
        return MessagesCommand.Build("purge", "Delete every message of an error or skipped queue (needs --yes).", [queue, yes],
            async (parse, address, output, cancellationToken) =>
            {
                var name = parse.GetValue(queue)!;
                if (!parse.GetValue(yes))
                    throw MessagesRefused.BadInput($"Purging deletes the messages of '{name}' for good; say so with --yes.");
                if (FailedQueue.Refusal(name) is { } refusal)
                    throw MessagesRefused.BadInput(refusal);
                await using var broker = await Broker.ConnectAsync(address, cancellationToken);
                await broker.RequireAsync(name, cancellationToken);
                var purged = await broker.Channel.QueuePurgeAsync(name, cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Purged {purged} message(s) from {name}."));
                return 0;
            });
    }
}
