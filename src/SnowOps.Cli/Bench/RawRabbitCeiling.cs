using System.Buffers.Binary;
using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The broker's own ceiling with SnowOps' durability: bare RabbitMQ.Client publishing persistent messages to a quorum
/// queue with publisher confirms (pipelined: up to a window of publishes awaiting their confirm, as a good client does),
/// and a consumer on its own connection taking them with manual acknowledgements (one ack for every 100, multiple=true).
/// </summary>
public static class RawRabbitCeiling
{
    const string Queue = "completions-bench-raw";
    const int AckEvery = 100;

    public static async Task<Throughput> RunAsync(RabbitEndpoint broker, string virtualHost, int warmup, int messages, int window,
        CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = virtualHost,
            UserName = broker.Username,
            Password = broker.Password,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "snowops bench completions (raw)",
        };
        await using var publishing = await factory.CreateConnectionAsync(cancellationToken);
        await using var consuming = await factory.CreateConnectionAsync(cancellationToken);
        await using var publisher = await publishing.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
            // Twice the window: the limiter slows publishes down once half its permits are taken, and a batch takes a window.
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(window * 2)), cancellationToken);
        await using var consumer = await consuming.CreateChannelAsync(cancellationToken: cancellationToken);
        await publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await consumer.BasicQosAsync(0, (ushort)Math.Min(window, ushort.MaxValue), global: false, cancellationToken);

        // A first pass of as many messages as the end-to-end runs warm up with, unmeasured, warms up both clients and the queue.
        await PassAsync(publisher, consumer, warmup, window, cancellationToken);
        var (received, took) = await PassAsync(publisher, consumer, messages, window, cancellationToken);
        return Throughput.Of("bare RabbitMQ.Client", messages, received, took, Throughput.LoadNow());
    }

    static async Task<(List<double> Latencies, TimeSpan Took)> PassAsync(IChannel publisher, IChannel channel, int messages, int window,
        CancellationToken cancellationToken)
    {
        var published = new long[messages];
        var arrived = new long[messages];
        var count = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var at = Stopwatch.GetTimestamp();
            arrived[BinaryPrimitives.ReadInt32LittleEndian(delivery.Body.Span)] = at;
            var seen = ++count;
            if (seen % AckEvery == 0 || seen == messages)
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: true, cancellationToken);
            if (seen == messages)
                done.TrySetResult();
        };
        var tag = await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);

        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var start = Stopwatch.GetTimestamp();
        // RabbitMQ.Client's own pattern for confirms in batches: publishes issued without awaiting, then awaited together.
        var pending = new List<ValueTask>(window);
        for (var i = 0; i < messages; i++)
        {
            var body = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(body, i);
            published[i] = Stopwatch.GetTimestamp();
            pending.Add(publisher.BasicPublishAsync("", Queue, mandatory: false, properties, body, cancellationToken));
            if (pending.Count == window || i == messages - 1)
            {
                foreach (var confirm in pending)
                    await confirm;
                pending.Clear();
            }
        }
        await Throughput.WaitAsync(done.Task, () => Volatile.Read(ref count), TimeSpan.FromSeconds(30), cancellationToken);
        await channel.BasicCancelAsync(tag, cancellationToken: cancellationToken);
        var latencies = new List<double>(messages);
        var last = start;
        for (var i = 0; i < messages; i++)
        {
            if (arrived[i] == 0)
                continue;
            latencies.Add(Throughput.Milliseconds(published[i], arrived[i]));
            last = Math.Max(last, arrived[i]);
        }
        return (latencies, Stopwatch.GetElapsedTime(start, last));
    }
}
