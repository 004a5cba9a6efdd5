using System.CommandLine;
using System.Globalization;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Messages;

/// <summary><c>snowops messages list</c>: every error and skipped queue, the queue it belongs to and how many messages wait in it.</summary>
public static class ListCommand
{
    public static Command Create() =>
        MessagesCommand.Build("list", "List every error and skipped queue with its message count and the queue it belongs to.", [],
            async (_, address, output, cancellationToken) =>
            {
                await using var broker = await Broker.ConnectAsync(address, cancellationToken);
                using var management = new ManagementApi(address);
                var names = await management.QueueNamesAsync(cancellationToken);
                var failed = names.Where(FailedQueue.Is).Order(StringComparer.Ordinal).ToList();
                if (failed.Count == 0)
                {
                    output.WriteLine($"No error or skipped queues in virtual host '{address.VirtualHost}'.");
                    return 0;
                }
                var table = new TextTable("queue", "belongs to", "messages");
                foreach (var name in failed)
                {
                    // Counted over AMQP: the management API's figures are samples some seconds old.
                    var count = await broker.CountAsync(name, cancellationToken);
                    var source = FailedQueue.SourceOf(name)!;
                    table.Add(name, names.Contains(source) ? source : $"{source} (gone)",
                        count?.ToString(CultureInfo.InvariantCulture) ?? "gone");
                }
                table.Write(output, markdown: false);
                return 0;
            });
}
