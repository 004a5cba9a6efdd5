using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Cli.Bench;

/// <summary>
/// A storm at city scale through the Dispatch module: a snow event proposed and activated, its plan's tasks and the
/// routes' tasks given to crews (timed from the activation to the last TaskAssigned the crews receive), then every crew
/// accepting, starting and completing its tasks (Dispatch's TaskStateChanged counted per second). Beside it, in the same
/// run, on the same bus and database: the same number of messages, sent by the same crews in the same order, through a
/// consumer that only answers (the bare bus), then through one that updates one row and answers. A small storm first,
/// unmeasured, warms everything up.
/// </summary>
public static class StormBench
{
    /// <summary>A phase that has seen no progress for this long has stopped; the run reports what arrived.</summary>
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(120);

    public sealed record StormOutcome(
        int Tasks, int Assigned, int Unassigned, TimeSpan ToFirstAssigned, TimeSpan ToAllAssigned,
        int Changes, int ExpectedChanges, int Unexpected, TimeSpan ChangesTook, int StoredWithCrew, int StoredCompleted)
    {
        public double ChangesPerSecond => Changes / Math.Max(ChangesTook.TotalSeconds, 1e-6);
        public bool Complete => Assigned == Tasks && Changes == ExpectedChanges && StoredWithCrew == Tasks && StoredCompleted == Tasks;
    }

    public sealed record BaselineOutcome(int Messages, int Expected, TimeSpan Took)
    {
        public double PerSecond => Messages / Math.Max(Took.TotalSeconds, 1e-6);
        public bool Complete => Messages == Expected;
    }

    public sealed record Result(string Mode, StormCity City, StormOutcome Storm, BaselineOutcome Bus, BaselineOutcome Row)
    {
        public bool Complete => Storm.Complete && Bus.Complete && Row.Complete;
    }

    public static async Task<Result> RunAsync(StormCity city, StormTarget target, TextWriter log, CancellationToken cancellationToken)
    {
        log.WriteLine(Invariant($"{target.Mode}: starting Dispatch with {city.Crews:N0} crews on duty"));
        await using var host = await StormHost.StartAsync(city, target, city.Main.Tasks, cancellationToken);

        log.WriteLine(Invariant($"{target.Mode}: warm-up storm of {city.Warmup.Tasks:N0} tasks and its baseline"));
        var (warmup, warmupLists) = await StormAsync(host, city.Warmup, cancellationToken);
        if (!warmup.Complete)
        {
            var none = new BaselineOutcome(0, 0, TimeSpan.Zero);
            return new Result(target.Mode, city, warmup, none, none);
        }
        await BaselineAsync(host, warmupLists, updateRows: false, cancellationToken);
        await BaselineAsync(host, warmupLists, updateRows: true, cancellationToken);

        log.WriteLine(Invariant($"{target.Mode}: storm of {city.Main.Tasks:N0} tasks"));
        var (storm, lists) = await StormAsync(host, city.Main, cancellationToken);
        log.WriteLine(Invariant($"{target.Mode}: {storm.Assigned:N0} assigned in {storm.ToAllAssigned.TotalSeconds:N2} s (the first after {storm.ToFirstAssigned.TotalSeconds:N2} s), {storm.Changes:N0} state changes in {storm.ChangesTook.TotalSeconds:N2} s; baselines"));
        var bus = await BaselineAsync(host, lists, updateRows: false, cancellationToken);
        var row = await BaselineAsync(host, lists, updateRows: true, cancellationToken);
        return new Result(target.Mode, city, storm, bus, row);
    }

    static async Task<(StormOutcome, int[][])> StormAsync(StormHost host, StormCity.Storm storm, CancellationToken cancellationToken)
    {
        var id = NewId.NextGuid();
        var assignment = host.Progress.Expect(id, storm.Tasks, StormCity.Routes(id, storm));
        var version = await host.PlanVersionAsync(storm.PlanName, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        await host.Bus.Publish(new ProposeSnowEvent(id, null, Hazard.Snowstorm, AlertLevel.Orange, Invariant($"Storm benchmark, {storm.Tasks:N0} tasks"),
            storm.PlanName, now, version, "storm-bench", now.AddHours(1), now.AddHours(12)), cancellationToken);
        if (!await WaitAsync(host.Progress.Proposed(id), () => 0, cancellationToken, TimeSpan.FromSeconds(60)))
            throw new TimeoutException("Dispatch did not propose the snow event within 60 s.");

        assignment.Activate();
        await host.Bus.Publish(new ActivateSnowEvent(id, "storm-bench", DateTimeOffset.UtcNow), cancellationToken);
        await WaitAsync(assignment.Done, () => assignment.LastAssigned, cancellationToken);

        var tasks = host.Progress.StartTasks(assignment);
        await Task.WhenAll(tasks.Round.Start().Select(s => host.Bus.Publish(tasks.Report(s.Crew, s.Item, s.Step), cancellationToken)));
        await WaitAsync(tasks.Round.Done, () => tasks.Round.LastConfirmed, cancellationToken);

        var (withCrew, completed) = await host.QueryAsync(async db => (
            await db.Tasks.CountAsync(t => t.SnowEventId == id && t.CrewId != null, cancellationToken),
            await db.Tasks.CountAsync(t => t.SnowEventId == id && t.State == TaskState.Completed, cancellationToken)));
        var outcome = new StormOutcome(storm.Tasks, assignment.Assigned, assignment.Unassigned, assignment.ToFirst, assignment.Elapsed,
            tasks.Round.Confirmed, storm.Tasks * CrewRound.Steps, tasks.Round.Unexpected, tasks.Round.Elapsed, withCrew, completed);
        return (outcome, tasks.Lists);
    }

    static async Task<BaselineOutcome> BaselineAsync(StormHost host, int[][] lists, bool updateRows, CancellationToken cancellationToken)
    {
        var baseline = host.Progress.StartBaseline(lists, updateRows);
        await Task.WhenAll(baseline.Round.Start().Select(s => host.Bus.Publish(baseline.Ping(s.Item, s.Step), cancellationToken)));
        await WaitAsync(baseline.Round.Done, () => baseline.Round.LastConfirmed, cancellationToken);
        return new BaselineOutcome(baseline.Round.Confirmed, baseline.Round.Expected, baseline.Round.Elapsed);
    }

    /// <summary>Waits until <paramref name="done"/>, or until nothing has happened for a while; false when it stalled.</summary>
    static async Task<bool> WaitAsync(Task done, Func<long> lastProgress, CancellationToken cancellationToken, TimeSpan? stall = null)
    {
        var since = Stopwatch.GetTimestamp();
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(100, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (!done.IsCompleted && Stopwatch.GetElapsedTime(Math.Max(since, lastProgress())) > (stall ?? Stall))
                return false;
        }
        return true;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
