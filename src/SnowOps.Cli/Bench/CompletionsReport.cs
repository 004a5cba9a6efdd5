namespace SnowOps.Cli.Bench;

/// <summary>The completions benchmark as Markdown: the three paths side by side with their ratios, then the scale-out.</summary>
public static class CompletionsReport
{
    public const string Target = "5,000";
    const double TargetPerSecond = 5_000;

    public const string Header = "| path | events/s | p50 ms | p99 ms | ratio to raw | ratio to MassTransit | load (1/5/15 min) |";
    public const string ScaleHeader =
        "| instances of Dispatch and of Status | consumers on the TaskCompleted / TaskStateChanges queues | events/s | × 1 instance | p50 ms | p99 ms | most waiting in them | completed in Dispatch, version +1 once | completed in the read model, once | hosts compiling, CPU s: warm-up / measured | load (1/5/15 min) |";

    public static void Write(TextWriter output, CompletionsBench.Result result)
    {
        var plan = result.Plan;
        output.WriteLine(Throughput.Invariant(
            $"Completion events: {plan.Warmup:N0} unmeasured messages first on every path, then {plan.CeilingMessages:N0} per ceiling and {plan.Tasks:N0} TaskCompleted per end-to-end run; up to {plan.Window:N0} publishes awaiting their confirm at once, on every path; ")
            + (plan.Rate > 0 ? Throughput.Invariant($"end-to-end completions published at {plan.Rate:N0} a second.") : "everything published at once, as fast as the broker confirms (latency then includes the wait in the queue)."));
        output.WriteLine("Durability on every path: quorum queues, persistent messages, publisher confirms; latency from each message's publish to its arrival (ceilings) or to its row turning Completed in the Status read model (end to end).");
        output.WriteLine("Ratios to MassTransit are taken against the faster of its two rows.");
        output.WriteLine();
        output.WriteLine(Header);
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        output.WriteLine(Row(result.Raw, result));
        output.WriteLine(Row(result.MassTransit, result));
        output.WriteLine(Row(result.MassTransitTuned, result));
        foreach (var round in result.Rounds)
            output.WriteLine(Row(round.Path, result));
        output.WriteLine();
        if (result.Rounds.Count > 0)
        {
            var best = result.Rounds.MaxBy(r => r.Path.PerSecond)!;
            output.WriteLine(Throughput.Invariant(
                $"Target: at least {Target} events/s end to end, the database included. Best here: {best.Path.PerSecond:N0} events/s with {best.Instances} instance(s) of each ({best.Path.PerSecond / TargetPerSecond:P0} of the target): {(best.Path.PerSecond >= TargetPerSecond ? "met" : "not met")}."));
            output.WriteLine();
            WriteScale(output, result.Rounds);
        }
    }

    static void WriteScale(TextWriter output, IReadOnlyList<CompletionsRound.Outcome> rounds)
    {
        output.WriteLine("Scale-out: each module run as k host processes taking from the same queues (competing consumers):");
        output.WriteLine();
        output.WriteLine(ScaleHeader);
        output.WriteLine("|---:|---|---:|---:|---:|---:|---|---:|---:|---|---|");
        var single = rounds.FirstOrDefault(r => r.Instances == 1)?.Path.PerSecond;
        foreach (var r in rounds)
        {
            var v = r.Verification;
            var times = single is { } one ? Throughput.Invariant($"{r.Path.PerSecond / Math.Max(one, 1e-6):N2}") : "–";
            output.WriteLine(Throughput.Invariant(
                $"| {r.Instances} | {r.Consumers.Completions} / {r.Consumers.StateChanges} | {r.Path.PerSecond:N0} | {times} | {Ms(r.Path.P50)} | {Ms(r.Path.P99)} | {r.Backlog.Completions:N0} / {r.Backlog.StateChanges:N0} | {v.DispatchOnce:N0} of {v.Tasks:N0} | {v.LedgerRows - v.LedgerTwice:N0} of {v.Tasks:N0} | {Compiling(r)} | {r.Path.Load} |"));
        }
        output.WriteLine();
    }

    static string Compiling(CompletionsRound.Outcome r) =>
        r.Compiling is var (warmup, measured) ? Throughput.Invariant($"{warmup:N1} / {measured:N1} of {r.Path.Took.TotalSeconds:N1}") : "–";

    static string Row(Throughput path, CompletionsBench.Result result) => Throughput.Invariant(
        $"| {path.Path} | {path.PerSecond:N0} | {Ms(path.P50)} | {Ms(path.P99)} | {Ratio(path.PerSecond, result.Raw.PerSecond)} | {Ratio(path.PerSecond, result.MassTransitCeiling.PerSecond)} | {path.Load} |");

    static string Ratio(double value, double of) => Throughput.Invariant($"{value / Math.Max(of, 1e-6):P0}");

    static string Ms(double value) => double.IsNaN(value) ? "–" : Throughput.Invariant($"{value:N0}");

    public static void WriteShortfall(TextWriter error, CompletionsBench.Result result)
    {
        foreach (var path in new[] { result.Raw, result.MassTransit, result.MassTransitTuned }.Where(p => !p.Complete))
            error.WriteLine(Throughput.Invariant($"{path.Path}: {path.Arrived:N0} of {path.Messages:N0} messages arrived."));
        foreach (var r in result.Rounds.Where(r => !r.Complete))
        {
            var v = r.Verification;
            error.WriteLine(Throughput.Invariant(
                $"{r.Path.Path}: {r.Path.Arrived:N0} of {r.Path.Messages:N0} completions reached the read model; of {v.Tasks:N0} tasks (warm-up included) ")
                + Throughput.Invariant(
                $"Dispatch holds {v.DispatchCompleted:N0} completed ({v.DispatchOnce:N0} with their version raised once), the read model {v.ReadModelCompleted:N0} completed, ")
                + Throughput.Invariant($"{v.LedgerRows:N0} rows turned Completed, {v.LedgerTwice:N0} of them more than once."));
        }
    }
}
