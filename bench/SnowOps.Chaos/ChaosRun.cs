using System.Globalization;
using MassTransit;
using Npgsql;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Chaos;

/// <summary>One row of the table: what the bot sent, what the read model holds, and how long the path took to come back.</summary>
public sealed record FaultOutcome(Fault Fault, int Sent, int Retries, int Published, Ledger Books, long Failed, TimeSpan? Recovery, TimeSpan? Drain)
{
    public bool Passed(int events) => Sent == events && Books.Lost == 0 && Books.Duplicates == 0 && Books.WrongState == 0;
}

/// <summary>
/// The run: Dispatch and Status each in its own host process on the run's virtual host and database, the city seeded
/// once, then for each fault the tasks put back to assigned and a completion streamed for every one of them while the
/// fault happens, and the books read once everything is quiet.
/// </summary>
public sealed class ChaosRun : IAsyncDisposable
{
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(8);
    static readonly TimeSpan MostAfterStream = TimeSpan.FromSeconds(120);
    /// <summary>How long the run's own watch queue may stay unconsumed, the broker there, before its bus is started again.</summary>
    static readonly TimeSpan WatchPatience = TimeSpan.FromSeconds(90);

    readonly ChaosOptions _options;
    readonly Servers _servers;
    readonly string _logs;
    readonly NpgsqlDataSource _db;
    readonly IBusControl _bus;
    readonly ChangeWatch _changes = new();
    readonly Guid _snowEventId = NewId.NextGuid();
    readonly List<ModuleProcess> _modules = [];
    readonly CancellationTokenSource _stop = new();
    Task _supervisor = Task.CompletedTask;
    IReadOnlyList<SeededTask> _tasks = [];

    ChaosRun(ChaosOptions options, Servers servers, string logs)
    {
        (_options, _servers, _logs) = (options, servers, logs);
        _db = NpgsqlDataSource.Create(servers.Database);
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(servers.RabbitHost, (ushort)servers.RabbitPort, servers.Name, h =>
            {
                h.Username(servers.User);
                h.Password(servers.Password);
                h.PublisherConfirmation = true;
            });
            cfg.ReceiveEndpoint("snowops-chaos-changes", e =>
            {
                e.SetQuorumQueue();
                e.Handler<TaskStateChanged>(context =>
                {
                    _changes.Heard(context.Message);
                    return Task.CompletedTask;
                });
                e.Handler<TaskStateChanges>(context =>
                {
                    foreach (var change in context.Message.Changes)
                        _changes.Heard(change);
                    return Task.CompletedTask;
                });
            });
        });
    }

    ModuleProcess Dispatch => _modules[0];
    ModuleProcess Status => _modules[1];

    public static async Task<ChaosRun> StartAsync(ChaosOptions options, Servers servers, TextWriter log)
    {
        var logs = Path.Combine(options.Repo, ".infra", "chaos");
        Directory.CreateDirectory(logs);
        foreach (var old in Directory.GetFiles(logs, "*.log"))
            File.Delete(old);
        var run = new ChaosRun(options, servers, logs);
        try
        {
            await run.StartAsync(log);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    async Task StartAsync(TextWriter log)
    {
        var hostDll = Path.Combine(_options.Repo, "src", "SnowOps.Host", "bin", "Release", "net10.0", "SnowOps.Host.dll");
        if (!File.Exists(hostDll))
            throw new FileNotFoundException($"{hostDll} is not built: dotnet build SnowOps.sln -c Release");
        var settings = ChaosCity.Settings(_servers, Path.Combine(_logs, "data"));
        log.WriteLine($"chaos: virtual host and database {_servers.Name}; module logs in {_logs}");
        _modules.Add(await ModuleProcess.StartAsync("Dispatch", hostDll,
            new Dictionary<string, string>(settings.Concat(ChaosCity.DispatchSettings(_options.Events))), Path.Combine(_logs, "dispatch.log")));
        _modules.Add(await ModuleProcess.StartAsync("Status", hostDll, settings, Path.Combine(_logs, "status.log")));
        _supervisor = SuperviseAsync(log, _stop.Token);
        _bus.ConnectReceiveEndpointObserver(new WatchLog(log));
        await _bus.StartAsync();
        log.WriteLine($"chaos: Dispatch and Status up; seeding {_options.Events:N0} tasks");
        _tasks = await ChaosCity.SeedAsync(_bus, _db, _snowEventId, _options.Events, log);
        log.WriteLine($"chaos: {_tasks.Count:N0} tasks assigned in Dispatch and in the read model");
    }

    public async Task<FaultOutcome> RunAsync(Fault fault, TextWriter log)
    {
        await UntilEmptyAsync(log);
        await Ledger.ResetAsync(_db, _snowEventId);
        var failedBefore = await _servers.PurgeFailedAsync();
        if (failedBefore > 0)
            log.WriteLine($"chaos: {failedBefore} failed messages of the last fault purged");
        _changes.Reset();
        var versions = await Ledger.VersionsAsync(_db, _snowEventId);

        log.WriteLine($"chaos: {ChaosOptions.Describe(fault)}: streaming {_tasks.Count:N0} completions at {_options.Rate}/s");
        await using var watch = new ReadModelWatch(_db, _snowEventId);
        DateTimeOffset? faultAt = null, backAt = null;
        var faultAfter = fault == Fault.None ? -1 : (int)(_tasks.Count * _options.FaultAt);
        var sent = await new BotSide(_bus).StreamAsync(_tasks, _options.Rate, faultAfter, async () =>
        {
            faultAt = DateTimeOffset.UtcNow;
            await InjectAsync(fault, log);
            backAt = DateTimeOffset.UtcNow;
            log.WriteLine($"chaos: {ChaosOptions.Describe(fault)}: back after {(backAt - faultAt).Value.TotalSeconds:0.0} s");
        });
        log.WriteLine($"chaos: {sent.Confirmed:N0} confirmed by the broker ({sent.Retries} tries again); waiting until quiet");
        await UntilQuietAsync(watch);

        var books = await Ledger.ReadAsync(_db, _snowEventId, versions, _changes);
        var failed = await _servers.PurgeFailedAsync();
        // From the fault's start until work the bot sent once everything was up again has reached the read model.
        var recovery = (faultAt, backAt) is ({ } at, { } up) && watch.FirstHolding(Truncated(up)) is { } caughtUp ? caughtUp - at : (TimeSpan?)null;
        var drain = watch.FirstReaching(_tasks.Count) is { } all ? all - sent.LastConfirmed : (TimeSpan?)null;
        var outcome = new FaultOutcome(fault, sent.Confirmed, sent.Retries, _changes.Published, books, failed, recovery, drain);
        log.WriteLine($"chaos: {ChaosOptions.Describe(fault)}: {books.Stored:N0} stored, {books.Lost} lost ({books.LostInDispatch} never completed in Dispatch, "
            + $"{books.NotPublished} completed in Dispatch and never published), {books.Duplicates} duplicates, {books.WrongState} in a wrong state, "
            + $"{_changes.Published:N0} completions published, {failed} messages in error queues");
        if (!outcome.Passed(_tasks.Count))
            await DescribeAsync(watch, log);
        return outcome;
    }

    /// <summary>What a failed fault left: the queues, Dispatch's unsent outbox, and the last log entries of each module.</summary>
    async Task DescribeAsync(ReadModelWatch watch, TextWriter log)
    {
        log.WriteLine($"chaos: the queues now:{Environment.NewLine}{await _servers.DescribeQueuesAsync()}");
        log.WriteLine($"chaos: messages in Dispatch's outbox not yet sent: {watch.Last?.Unsent.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
        foreach (var module in _modules)
        {
            log.WriteLine($"chaos: the last entries of {module.Module}'s log:");
            foreach (var entry in module.RecentEntries(40))
                log.WriteLine("  " + entry);
        }
    }

    async Task InjectAsync(Fault fault, TextWriter log)
    {
        log.WriteLine($"chaos: {ChaosOptions.Describe(fault)} now");
        switch (fault)
        {
            case Fault.KillDispatch or Fault.KillStatus:
                var module = fault == Fault.KillDispatch ? Dispatch : Status;
                await module.KillAsync();
                await module.StartAsync();
                break;
            case Fault.RestartRabbitMq:
                await _servers.RestartAsync("rabbitmq", Path.Combine(_logs, "infra-restart.log"));
                break;
            case Fault.RestartPostgres:
                await _servers.RestartAsync("postgres", Path.Combine(_logs, "infra-restart.log"));
                break;
        }
    }

    /// <summary>
    /// Until both counts reach every task, or neither has moved for a while with nothing left in the queues or in Dispatch's
    /// outbox and every queue consumed again; at most <see cref="MostAfterStream"/>.
    /// </summary>
    async Task UntilQuietAsync(ReadModelWatch watch)
    {
        var deadline = DateTimeOffset.UtcNow + MostAfterStream;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
            if (watch.Last is { } last && last.Dispatch == _tasks.Count && last.ReadModel == _tasks.Count && await _servers.QueuedAsync() is 0)
                return;
            // The broker's figures are sampled every few seconds: with nothing moved for longer than that, a zero is real.
            // Nor is it quiet while Dispatch still has completions in its outbox to send.
            if (watch.QuietFor(Quiet) && watch.Last?.Unsent == 0 && await _servers.QueuedAsync() is 0)
                return;
        }
    }

    /// <summary>Nothing of the last fault may still be on its way when the tasks are put back.</summary>
    async Task UntilEmptyAsync(TextWriter log)
    {
        var deadline = DateTimeOffset.UtcNow + MostAfterStream;
        for (var waited = false; await _servers.QueuedAsync() is not 0; waited = true)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"the queues of the last fault were not empty within {MostAfterStream.TotalSeconds} s");
            if (!waited)
                log.WriteLine("chaos: waiting for the queues of the last fault to empty");
            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// Starts again, as a supervisor would, a module process that ended by itself (a stuck queue stops it); and the run's
    /// own bus when its watch queue is stuck the same way (what waits in the queue is heard once it is back).
    /// </summary>
    async Task SuperviseAsync(TextWriter log, CancellationToken stop)
    {
        var watch = new StuckEndpoints(WatchPatience);
        while (!stop.IsCancellationRequested)
        {
            foreach (var module in _modules)
            {
                if (await module.RestartIfEndedAsync() is { } code)
                    log.WriteLine($"chaos: {module.Module} ended by itself with exit code {code} and was started again");
            }
            if (watch.Observe(_bus.CheckHealth(), DateTimeOffset.UtcNow) is { Count: > 0 } stuck)
            {
                log.WriteLine($"chaos: the run's watch is stuck ({string.Join(", ", stuck)}); starting its bus again");
                await _bus.StopAsync(stop);
                await _bus.StartAsync(stop);
                watch = new StuckEndpoints(WatchPatience);
            }
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Completion times are kept to the millisecond.</summary>
    static DateTimeOffset Truncated(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _supervisor;
        _stop.Dispose();
        await _bus.StopAsync();
        foreach (var module in _modules)
            await module.DisposeAsync();
        await _db.DisposeAsync();
    }
}
