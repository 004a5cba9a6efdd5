using MassTransit;
using RabbitMQ.Client;

namespace SnowOps.Cli.Messages;

/// <summary>
/// Moves messages from a failed queue back to their own queue: each is published there with its body, properties and
/// headers (less the fault's), waits for the broker's confirm, and only then is acknowledged in the failed queue. A crash in
/// between leaves it in both queues, never in neither.
/// </summary>
public sealed class Replay(IChannel channel, string failedQueue, string source, TextWriter output)
{
    /// <param name="count">How many messages the failed queue held when we began: one that fails again and comes back is not met twice.</param>
    /// <param name="wanted">The ids to move, removed from the set as they are moved; null for all.</param>
    /// <returns>How many were moved.</returns>
    public async Task<int> RunAsync(uint count, HashSet<string>? wanted, CancellationToken cancellationToken)
    {
        var moved = 0;
        ulong lastPassedOver = 0;
        try
        {
            for (var i = 0u; i < count && wanted is not { Count: 0 }; i++)
            {
                if (await channel.BasicGetAsync(failedQueue, autoAck: false, cancellationToken) is not { } got)
                    break;
                var message = FailedMessage.Read(got);
                if (wanted is not null && (message.MessageId is not { } id || !wanted.Remove(id)))
                {
                    // Held unacknowledged until the end, so the next get reads the next message.
                    lastPassedOver = got.DeliveryTag;
                    continue;
                }
                await channel.BasicPublishAsync("", source, mandatory: true, ForReplay(got.BasicProperties), got.Body, cancellationToken);
                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
                output.WriteLine($"moved {message.MessageId ?? "(no message id)"}");
                moved++;
            }
        }
        finally
        {
            // Acknowledged tags are settled already; multiple hands back only those passed over.
            if (lastPassedOver > 0)
                await channel.BasicNackAsync(lastPassedOver, multiple: true, requeue: true, CancellationToken.None);
        }
        return moved;
    }

    /// <summary>The original properties and headers, without what the fault added, with the replay counted.</summary>
    public static BasicProperties ForReplay(IReadOnlyBasicProperties original)
    {
        var headers = new Dictionary<string, object?>();
        foreach (var (key, value) in original.Headers ?? new Dictionary<string, object?>())
        {
            if (!AddedByTheFault(key))
                headers[key] = value;
        }
        headers[FailedMessage.ReplayedHeader] = HeaderValues.Count(original.Headers, FailedMessage.ReplayedHeader) + 1;
        return new BasicProperties(original) { Headers = headers };
    }

    /// <summary>
    /// MassTransit's fault headers, its reason and the host that faulted, and the failed queue's own delivery count: they describe
    /// the failure, and MassTransit writes them anew if the message fails again.
    /// </summary>
    public static bool AddedByTheFault(string header) =>
        header.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("MT-Host-", StringComparison.OrdinalIgnoreCase)
        || header.Equals(MessageHeaders.Reason, StringComparison.OrdinalIgnoreCase)
        || header.Equals("x-delivery-count", StringComparison.OrdinalIgnoreCase);
}
