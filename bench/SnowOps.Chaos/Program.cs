using SnowOps.Chaos;

// Fault tests of the distributed mode: 10,000 task completions streamed from the bot side through Dispatch to the Status
// read model, once with no fault and once for each fault (a module process killed with SIGKILL and started again,
// RabbitMQ restarted, PostgreSQL restarted), each checked in PostgreSQL. The table goes to stdout, the progress to stderr;
// the exit code is 1 when any completion was lost or doubled or any task ended in a wrong state.
var options = ChaosOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(ChaosOptions.Usage);
    return 2;
}
await using var servers = Servers.FromEnvironment(options.Repo);
if (servers is null)
    return 2;

var log = TextWriter.Synchronized(new TimedWriter(Console.Error));
var rows = new List<FaultOutcome>();
try
{
    await servers.CreateAsync();
    await using var run = await ChaosRun.StartAsync(options, servers, log);
    foreach (var fault in options.Faults)
        rows.Add(await run.RunAsync(fault, log));
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or Npgsql.NpgsqlException)
{
    // What was measured before still goes out; the run fails either way.
    log.WriteLine($"chaos: the run stopped: {e}");
    Console.Write(ChaosTable.Render(rows, options.Events));
    return 1;
}
Console.Write(ChaosTable.Render(rows, options.Events));
return rows.All(r => r.Passed(options.Events)) ? 0 : 1;
