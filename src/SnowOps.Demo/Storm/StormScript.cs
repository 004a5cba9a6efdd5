using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Demo.Storm;

/// <summary>
/// The storm, played through the host's own API: the warning comes in from its agency, a dispatcher activates the snow
/// event the warning proposed, the clock starts the clearing at the warning's onset, and once most plow routes are done
/// the dispatcher marks the snow stopped, which starts the restoring. Each step is one line in the log.
/// </summary>
public sealed class StormScript(HostApi host, DemoAssets assets, DemoOptions options, TimeProvider clock, ILogger<StormScript> logger)
{
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var warning = DemoWarning.Redate(await File.ReadAllTextAsync(assets.PathOf(DemoAssets.WarningFile), cancellationToken),
            clock.GetUtcNow(), TimeSpan.FromSeconds(options.OnsetSeconds));
        var (status, body) = await host.PostAsync("/api/alerts", Roles.AlertSource,
            new StringContent(warning, Encoding.UTF8, "application/cap+xml"), cancellationToken);
        logger.LogInformation("Storm: the DWD snow warning came in, its onset {Seconds} s from now: {Status} {Answer}", options.OnsetSeconds, status, body);

        var snowEvent = await UntilAsync(async () => (await host.GetAsync("/api/snow-events", Roles.Dispatcher, cancellationToken))
            .EnumerateArray().Select(e => (JsonElement?)e).FirstOrDefault(), cancellationToken);
        var id = snowEvent.GetProperty("id").GetGuid();
        logger.LogInformation("Storm: Dispatch proposed snow event {Id} with plan {Plan}", id, snowEvent.GetProperty("plan").GetString());

        await ActivateAsync(id, cancellationToken);
        await UntilPhaseAsync(id, "Clear", cancellationToken);
        logger.LogInformation("Storm: the snow started (the warning's onset); the plows are out");

        await UntilAsync(async () => await PlowShareDoneAsync(id, cancellationToken) >= options.SnowStoppedAtPercent ? true : (bool?)null,
            cancellationToken, report: () => ProgressAsync(id, watch, cancellationToken));
        var before = (await TasksAsync(id, cancellationToken)).GetArrayLength();
        var stopped = await host.PostJsonAsync($"/api/snow-events/{id}/snow-stopped", Roles.Dispatcher, new { }, cancellationToken);
        logger.LogInformation("Storm: {Percent}% of the plow routes are done; the dispatcher marked the snow stopped: {Status}",
            options.SnowStoppedAtPercent, stopped.Status);

        await UntilPhaseAsync(id, "Restore", cancellationToken);
        await UntilRestoreWorkAsync(id, before, cancellationToken);
        logger.LogInformation("Storm: restoring; the snow piles at crossings and the shops' frontages are next");
        await UntilAsync(async () => await AllDoneAsync(id, cancellationToken) ? true : (bool?)null,
            cancellationToken, report: () => ProgressAsync(id, watch, cancellationToken));
        logger.LogInformation("Storm: cleared in {Minutes:0.0} minutes; every task of snow event {Id} is done. It stays in Restore: stand it down from the console.",
            watch.Elapsed.TotalMinutes, id);
    }

    async Task ActivateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (options.AutoActivateSeconds <= 0)
        {
            logger.LogInformation("Storm: waiting for a dispatcher to activate the snow event on the console");
            return;
        }
        await Task.Delay(TimeSpan.FromSeconds(options.AutoActivateSeconds), cancellationToken);
        var (status, _) = await host.PostAsync($"/api/snow-events/{id}/activate", Roles.Dispatcher, null, cancellationToken);
        logger.LogInformation("Storm: the demo's dispatcher activated the snow event: {Status}{Note}", status,
            status == 409 ? " (someone on the console was quicker)" : "");
    }

    async Task UntilPhaseAsync(Guid id, string phase, CancellationToken cancellationToken) =>
        await UntilAsync(async () => (await host.GetAsync($"/api/snow-events/{id}", Roles.Dispatcher, cancellationToken))
            .GetProperty("phase").GetString() == phase ? true : (bool?)null, cancellationToken);

    /// <summary>The restore phase's work is made after the phase changes; a plan with none gives up waiting after a while.</summary>
    async Task UntilRestoreWorkAsync(Guid id, int tasksBefore, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while ((await TasksAsync(id, cancellationToken)).GetArrayLength() <= tasksBefore && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(Poll, cancellationToken);
    }

    async Task<JsonElement> TasksAsync(Guid id, CancellationToken cancellationToken) =>
        await host.GetAsync($"/api/snow-events/{id}/tasks", Roles.Dispatcher, cancellationToken);

    static bool IsRoute(JsonElement task) => task.GetProperty("kind").GetString() == "PlowRoute"
        && task.GetProperty("geometryWkt").GetString()?.Contains("LINESTRING", StringComparison.Ordinal) == true;

    static bool IsDone(JsonElement task) => task.GetProperty("state").GetString() is "Completed" or "Cancelled";

    async Task<double> PlowShareDoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var routes = (await TasksAsync(id, cancellationToken)).EnumerateArray().Where(IsRoute).ToList();
        return routes.Count == 0 ? 0 : 100.0 * routes.Count(IsDone) / routes.Count;
    }

    async Task<bool> AllDoneAsync(Guid id, CancellationToken cancellationToken)
    {
        var tasks = (await TasksAsync(id, cancellationToken)).EnumerateArray().ToList();
        return tasks.Count > 0 && tasks.All(IsDone);
    }

    async Task ProgressAsync(Guid id, Stopwatch watch, CancellationToken cancellationToken)
    {
        var tasks = (await TasksAsync(id, cancellationToken)).EnumerateArray().ToList();
        var routes = tasks.Where(IsRoute).ToList();
        var percent = routes.Count == 0 ? 0 : routes.Average(r => r.GetProperty("percentDone") is { ValueKind: JsonValueKind.Number } p ? p.GetDouble() : 0);
        logger.LogInformation("Storm at {Minutes:0.0} min: {Done} of {Total} tasks done; plow routes {Percent:0}% driven",
            watch.Elapsed.TotalMinutes, tasks.Count(IsDone), tasks.Count, percent);
    }

    /// <summary>Asks until there is an answer, reporting progress every 15 s while it waits.</summary>
    static async Task<T> UntilAsync<T>(Func<Task<T?>> ask, CancellationToken cancellationToken, Func<Task>? report = null) where T : struct
    {
        var reported = Stopwatch.StartNew();
        while (true)
        {
            if (await ask() is { } answer)
                return answer;
            if (report is not null && reported.Elapsed > TimeSpan.FromSeconds(15))
            {
                await report();
                reported.Restart();
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
