using System.CommandLine;
using System.Globalization;
using RabbitMQ.Client;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Messages;

/// <summary>
/// <c>snowops messages show QUEUE [--take N] [--full]</c>: the first messages of an error or skipped queue, left in it.
/// They are taken without an acknowledgement and handed back when the command ends, so the broker counts them redelivered.
/// </summary>
public static class ShowCommand
{
    public const int MaxTake = 1000;

    public static Command Create()
    {
        var queue = MessagesCommand.QueueArgument();
        var take = new Option<int>("--take")
        {
            Description = $"How many messages to show, from the head of the queue (1 to {MaxTake}).",
            DefaultValueFactory = _ => 10,
            CustomParser = result => RouteCommand.Parse<int>(result, "--take", $"a whole number from 1 to {MaxTake}",
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxTake ? n : null),
        };
        var full = new Option<bool>("--full") { Description = "Print whole bodies; without it each body is one line of at most 300 characters." };
        return MessagesCommand.Build("show", "Show the messages of an error or skipped queue with their faults, without removing them.",
            [queue, take, full],
            async (parse, address, output, cancellationToken) =>
            {
                var name = parse.GetValue(queue)!;
                if (FailedQueue.Refusal(name) is { } refusal)
                    throw MessagesRefused.BadInput(refusal);
                await using var broker = await Broker.ConnectAsync(address, cancellationToken);
                var count = await broker.RequireAsync(name, cancellationToken);
                var messages = await PeekAsync(broker.Channel, name, Math.Min(parse.GetValue(take), (int)Math.Min(count, MaxTake)), cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {count} message(s), from {FailedQueue.SourceOf(name)}; showing {messages.Count}."));
                output.WriteLine();
                for (var i = 0; i < messages.Count; i++)
                    FailedMessageText.Write(output, i + 1, messages[i], parse.GetValue(full));
                return 0;
            });
    }

    /// <summary>Reads up to <paramref name="take"/> messages and hands them all back to the queue, in their order.</summary>
    static async Task<List<FailedMessage>> PeekAsync(IChannel channel, string queue, int take, CancellationToken cancellationToken)
    {
        var messages = new List<FailedMessage>();
        ulong last = 0;
        try
        {
            while (messages.Count < take && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } got)
            {
                messages.Add(FailedMessage.Read(got));
                last = got.DeliveryTag;
            }
        }
        finally
        {
            if (last > 0)
                await channel.BasicNackAsync(last, multiple: true, requeue: true, CancellationToken.None);
        }
        return messages;
    }
}
