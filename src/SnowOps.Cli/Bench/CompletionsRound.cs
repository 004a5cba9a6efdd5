using System.Diagnostics;
using MassTransit;
using Npgsql;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>
/// One end-to-end run with a given number of instances: a fresh virtual host and database; Dispatch and Status each
/// started that many times as real host processes (competing consumers on the same queues); assigned tasks seeded;
/// the bot's TaskCompleted published for each (through MassTransit with publisher confirms, persistent, as CrewBot
/// publishes), warm-up first; timed until the read model in PostgreSQL shows every task completed, then checked for
/// anything done twice.
/// </summary>
public static class CompletionsRound
{
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    /// <param name="Backlog">The most messages seen waiting in each queue while the run was measured.</param>
    /// <param name="Compiling">CPU seconds the hosts spent compiling hot code again (<see cref="CompileTime"/>) during the
    /// warm-up and during the measured span; null where that cannot be read.</param>
    public sealed record Outcome(int Instances, Throughput Path, CompletionLedger.Verification Verification, QueuePair Consumers, QueuePair Backlog,
        (double Warmup, double Measured)? Compiling = null)
    {
        public bool Complete => Path.Complete && Verification.ExactlyOnce;
    }

    public static async Task<Outcome> RunAsync(CompletionsBench.Plan plan, RabbitEndpoint broker, string postgres, int instances, TextWriter log,
        CancellationToken cancellationToken)
    {
        await using var target = await StormTarget.DistributedAsync(broker, postgres, cancellationToken);
        var settings = new Dictionary<string, string?>(target.Settings)
        {
            // Seeded tasks belong to no stored snow event, so the clock would resend them after the standing answer window.
            ["SnowOps:Dispatch:StandingAcceptWithinMinutes"] = "600",
        };
        var database = settings["ConnectionStrings:Postgres"]!;
        await using var processes = new ModuleProcesses();
        log.WriteLine(Throughput.Invariant($"end to end, {instances} instance(s): starting Dispatch and Status"));
        // The first of each migrates the database; the others start together once it is.
        await processes.StartAsync(plan.Host, ["Dispatch"], settings, cancellationToken);
        await processes.StartAsync(plan.Host, ["Status"], settings, cancellationToken);
        await processes.StartAsync(plan.Host, [.. Enumerable.Repeat(new[] { "Dispatch", "Status" }, instances - 1).SelectMany(m => m)], settings, cancellationToken);

        var snowEventId = NewId.NextGuid();
        var tasks = await CompletionSeed.SeedAsync(database, snowEventId, plan.Warmup + plan.Tasks, cancellationToken);
        await CompletionLedger.CreateAsync(database, cancellationToken);
        using var queues = new BrokerQueues(broker, settings["SnowOps:RabbitMq:VirtualHost"]!);
        var consumers = await queues.ConsumersAsync(instances, cancellationToken);

        await using var bot = await BenchBus.StartAsync(settings, _ => { }, _ => { }, cancellationToken);
        await using var watch = new NpgsqlConnection(database);
        await watch.OpenAsync(cancellationToken);
        // Counted from here: what the hosts compile during the warm-up, then during the measured span.
        await using var compiling = CompileTime.Start([.. processes.Running.Select(p => p.Id)]);
        log.WriteLine(Throughput.Invariant($"end to end, {instances} instance(s): {plan.Warmup:N0} warm-up completions"));
        await PublishAsync(bot.Bus, tasks[..plan.Warmup], plan.Window, plan.Rate, cancellationToken);
        await WaitForAsync(watch, plan.Warmup, cancellationToken);

        log.WriteLine(Throughput.Invariant($"end to end, {instances} instance(s): {plan.Tasks:N0} completions"));
        var load = Throughput.LoadNow();
        var compiledWarm = compiling?.Seconds;
        var measured = tasks[plan.Warmup..];
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var backlog = SampleBacklogAsync(queues, sampling.Token);
        var published = await PublishAsync(bot.Bus, measured, plan.Window, plan.Rate, cancellationToken);
        var arrived = await WaitForAsync(watch, plan.Warmup + plan.Tasks, cancellationToken);
        var compiledAfter = compiling?.Seconds;
        await sampling.CancelAsync();
        log.WriteLine(Throughput.Invariant($"end to end, {instances} instance(s): {arrived - plan.Warmup:N0} completed in the read model; checking"));

        var completed = await CompletionLedger.CompletedAsync(database, cancellationToken);
        var start = published.Values.Min();
        var last = start;
        var latencies = new List<double>(measured.Count);
        foreach (var (task, at) in published)
        {
            if (!completed.TryGetValue(task, out var done))
                continue;
            latencies.Add((done - at).TotalMilliseconds);
            last = done > last ? done : last;
        }
        var path = Throughput.Of(Throughput.Invariant($"end to end, {instances} × Dispatch + {instances} × Status"), measured.Count, latencies, last - start, load);
        var verification = await CompletionLedger.VerifyAsync(database, tasks.Count, cancellationToken);
        (double, double)? compiled = compiledWarm is { } w && compiledAfter is { } a ? (w, a - w) : null;
        return new Outcome(instances, path, verification, consumers, await backlog, compiled);
    }

    /// <summary>Publishes each task's completion as the bot does; returns when each was published (UTC, the database's clock's terms).</summary>
    static async Task<Dictionary<Guid, DateTime>> PublishAsync(IBus bus, List<SeededTask> tasks, int window, double rate, CancellationToken cancellationToken)
    {
        var at = new DateTime[tasks.Count];
        await Throughput.PipelineAsync(tasks.Count, window, rate, i =>
        {
            var now = DateTime.UtcNow;
            at[i] = now;
            return bus.Publish(new TaskCompleted(tasks[i].TaskId, tasks[i].CrewId, new DateTimeOffset(now), "done"), cancellationToken);
        }, cancellationToken);
        return tasks.Select((t, i) => (t.TaskId, at[i])).ToDictionary();
    }

    /// <summary>The largest backlog seen on each queue, sampled every second until cancelled.</summary>
    static async Task<QueuePair> SampleBacklogAsync(BrokerQueues queues, CancellationToken cancellationToken)
    {
        var most = new QueuePair(0, 0);
        try
        {
            while (true)
            {
                most = most.Max(await queues.BacklogAsync(cancellationToken));
                await Task.Delay(1000, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return most;
        }
    }

    /// <summary>Polls the ledger until <paramref name="expected"/> rows have turned Completed, or nothing moved for a minute.</summary>
    static async Task<int> WaitForAsync(NpgsqlConnection watch, int expected, CancellationToken cancellationToken)
    {
        var (count, since) = (0, Stopwatch.GetTimestamp());
        while (count < expected)
        {
            await Task.Delay(200, cancellationToken);
            var now = await CompletionLedger.CountAsync(watch, cancellationToken);
            if (now != count)
                (count, since) = (now, Stopwatch.GetTimestamp());
            else if (Stopwatch.GetElapsedTime(since) > Stall)
                break;
        }
        return count;
    }
}
