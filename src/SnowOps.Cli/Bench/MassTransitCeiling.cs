using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.Cli.Bench;

/// <summary>The MassTransit ceiling's message: its place in the pass.</summary>
public sealed record CompletionPing(int Index);

/// <summary>When each ping of the current pass arrived.</summary>
public sealed class PingArrivals
{
    long[] _arrived = [];
    int _count;
    TaskCompletionSource _done = new();

    public int Count => Volatile.Read(ref _count);
    public Task Done => _done.Task;
    public long[] Arrived => _arrived;

    public void Expect(int messages) =>
        (_arrived, _count, _done) = (new long[messages], 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Arrive(int index)
    {
        if (index < _arrived.Length && Interlocked.CompareExchange(ref _arrived[index], Stopwatch.GetTimestamp(), 0) == 0
            && Interlocked.Increment(ref _count) == _arrived.Length)
            _done.TrySetResult();
    }
}

/// <summary>MassTransit alone: a consumer that does nothing but note the arrival, on an endpoint configured like SnowOps' own.</summary>
public sealed class PingSink(PingArrivals arrivals) : IConsumer<CompletionPing>
{
    public Task Consume(ConsumeContext<CompletionPing> context)
    {
        arrivals.Arrive(context.Message.Index);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The bus's ceiling with no database: messages published through MassTransit exactly as SnowOps configures it (publisher
/// confirms, persistent messages, a quorum queue, the same retry and outbox filters), to a consumer that does nothing.
/// With no prefetch given, the endpoint takes MassTransit's default, as SnowOps' own one-message endpoints do (the broker
/// shows 16 on 2 cores), which is also how many messages it handles at once.
/// </summary>
public static class MassTransitCeiling
{
    public static async Task<Throughput> RunAsync(IReadOnlyDictionary<string, string?> settings, int warmup, int messages, int window, int? prefetch,
        CancellationToken cancellationToken)
    {
        var arrivals = new PingArrivals();
        await using var bus = await BenchBus.StartAsync(settings, s => s.AddSingleton(arrivals),
            b => b.AddConsumer<PingSink>().Endpoint(e => e.PrefetchCount = prefetch), cancellationToken);

        // A first pass of as many messages as the end-to-end runs warm up with, unmeasured: the bus and the queue warm up,
        // and this process compiles its hot code again, optimised, as the hosts do in theirs.
        await PassAsync(bus.Bus, arrivals, warmup, window, cancellationToken);
        var (latencies, took) = await PassAsync(bus.Bus, arrivals, messages, window, cancellationToken);
        var name = prefetch is { } given
            ? Throughput.Invariant($"MassTransit alone, no database, prefetch {given:N0}")
            : "MassTransit alone, no database, SnowOps' endpoint settings (MassTransit's default prefetch)";
        return Throughput.Of(name, messages, latencies, took, Throughput.LoadNow());
    }

    static async Task<(List<double>, TimeSpan)> PassAsync(IBus bus, PingArrivals arrivals, int messages, int window, CancellationToken cancellationToken)
    {
        arrivals.Expect(messages);
        var published = new long[messages];
        var start = Stopwatch.GetTimestamp();
        await Throughput.PipelineAsync(messages, window, rate: 0, i =>
        {
            published[i] = Stopwatch.GetTimestamp();
            return bus.Publish(new CompletionPing(i), cancellationToken);
        }, cancellationToken);
        await Throughput.WaitAsync(arrivals.Done, () => arrivals.Count, TimeSpan.FromSeconds(30), cancellationToken);
        var latencies = new List<double>(messages);
        var last = start;
        for (var i = 0; i < messages; i++)
        {
            var at = arrivals.Arrived[i];
            if (at == 0)
                continue;
            latencies.Add(Throughput.Milliseconds(published[i], at));
            last = Math.Max(last, at);
        }
        return (latencies, Stopwatch.GetElapsedTime(start, last));
    }
}
