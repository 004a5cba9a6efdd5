namespace SnowOps.Cli.Bench;

/// <summary>
/// Completion events end to end beside the two ceilings under them, all on the same broker in one run: bare
/// RabbitMQ.Client and MassTransit alone first (in a virtual host of their own), then one end-to-end run per instance
/// count (each in a fresh virtual host and database).
/// </summary>
public static class CompletionsBench
{
    /// <summary>
    /// What to run: events per end-to-end run, warm-up, messages per ceiling, unconfirmed publishes at once, instance counts,
    /// the host, and the end-to-end publish rate (0: as fast as the confirms come back).
    /// </summary>
    public sealed record Plan(int Tasks, int Warmup, int CeilingMessages, int Window, int[] Instances, FileInfo Host, double Rate = 0);

    /// <param name="MassTransit">MassTransit alone with the endpoint settings SnowOps' consumers have.</param>
    /// <param name="MassTransitTuned">MassTransit alone with the endpoint's prefetch raised to the publish window, as the bare
    /// client's consumer has it: the most MassTransit gives here, and the ceiling the ratios are taken against.</param>
    public sealed record Result(Plan Plan, Throughput Raw, Throughput MassTransit, Throughput MassTransitTuned, IReadOnlyList<CompletionsRound.Outcome> Rounds)
    {
        public Throughput MassTransitCeiling => MassTransitTuned.PerSecond >= MassTransit.PerSecond ? MassTransitTuned : MassTransit;

        public bool Complete => Raw.Complete && MassTransit.Complete && MassTransitTuned.Complete
            && Rounds.Count == Plan.Instances.Length && Rounds.All(r => r.Complete);
    }

    public static async Task<Result> RunAsync(Plan plan, RabbitEndpoint broker, string postgres, TextWriter log, CancellationToken cancellationToken)
    {
        Throughput raw, massTransit, tuned;
        await using (var target = await StormTarget.DistributedAsync(broker, postgres, cancellationToken))
        {
            log.WriteLine(Throughput.Invariant($"ceiling: bare RabbitMQ.Client, {plan.CeilingMessages:N0} messages after {plan.Warmup:N0} unmeasured"));
            raw = await RawRabbitCeiling.RunAsync(broker, target.Settings["SnowOps:RabbitMq:VirtualHost"]!, plan.Warmup, plan.CeilingMessages, plan.Window, cancellationToken);
            log.WriteLine(Throughput.Invariant($"ceiling: {raw.PerSecond:N0} msgs/s; MassTransit alone, {plan.CeilingMessages:N0} messages"));
            massTransit = await MassTransitCeiling.RunAsync(target.Settings, plan.Warmup, plan.CeilingMessages, plan.Window, prefetch: null, cancellationToken);
            log.WriteLine(Throughput.Invariant($"ceiling: {massTransit.PerSecond:N0} msgs/s; MassTransit alone, prefetch {plan.Window:N0}"));
            tuned = await MassTransitCeiling.RunAsync(target.Settings, plan.Warmup, plan.CeilingMessages, plan.Window, plan.Window, cancellationToken);
            log.WriteLine(Throughput.Invariant($"ceiling: {tuned.PerSecond:N0} msgs/s"));
        }
        var rounds = new List<CompletionsRound.Outcome>();
        foreach (var instances in plan.Instances)
        {
            var round = await CompletionsRound.RunAsync(plan, broker, postgres, instances, log, cancellationToken);
            log.WriteLine(Throughput.Invariant($"end to end, {instances} instance(s): {round.Path.PerSecond:N0} events/s, p99 {round.Path.P99:N0} ms"));
            rounds.Add(round);
        }
        return new Result(plan, raw, massTransit, tuned, rounds);
    }
}
