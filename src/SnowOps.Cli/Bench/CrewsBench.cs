using System.Diagnostics;
using System.Globalization;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Task cards to crews through CrewBot's outbound queue, against a Bot API server that keeps Telegram's limits: one
/// member in each of N crews, each with a chat of its own, N tasks assigned at once (one a crew), timed from publishing
/// until the server accepted the last card.
/// </summary>
public static class CrewsBench
{
    public const int TelegramPerSecond = 30;

    /// <summary>A run that has seen no card arrive for this long has stopped; it reports what arrived.</summary>
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    public sealed record Result(int Crews, int Messages, TimeSpan ToLastCard, int TooManyRequests, int MaxPerSecond, int MaxPerChatPerSecond)
    {
        public double PerSecond => Messages / Math.Max(ToLastCard.TotalSeconds, 1e-6);
        public bool Complete => Messages == Crews;
    }

    public static async Task<Result> RunAsync(int crews, TextWriter log, CancellationToken cancellationToken)
    {
        await using var api = await LimitedBotApi.StartAsync(TelegramPerSecond, TimeSpan.FromSeconds(1));
        await using var host = await CrewsHost.StartAsync(api.BaseUrl, cancellationToken);
        var names = Enumerable.Range(1, crews).Select(i => "crew-" + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        log.WriteLine(Invariant($"crews: enrolling {crews:N0} members, one chat each"));
        await host.EnrolAsync(names, cancellationToken);

        log.WriteLine(Invariant($"crews: assigning {crews:N0} tasks, one a crew"));
        var snowEvent = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(names.Select((crew, i) => host.Bus.Publish(new TaskAssigned(Guid.NewGuid(), snowEvent, TaskKind.PlowRoute,
            Invariant($"Plow route {i + 1}"), crew, null, 4200, now, now.AddHours(2)), cancellationToken)));

        var (seen, since) = (0, Stopwatch.GetTimestamp());
        while (api.AcceptedCount < crews && Stopwatch.GetElapsedTime(since) < Stall)
        {
            await Task.Delay(50, cancellationToken);
            if (api.AcceptedCount != seen)
                (seen, since) = (api.AcceptedCount, Stopwatch.GetTimestamp());
        }
        var accepted = api.Accepted;
        var last = accepted.Count == 0 ? started : accepted.Max(a => a.At);
        return new Result(crews, accepted.Count, Stopwatch.GetElapsedTime(started, last), api.TooManyRequests,
            MaxInOneSecond(accepted.Select(a => a.At)),
            accepted.Count == 0 ? 0 : accepted.GroupBy(a => a.Chat).Max(chat => MaxInOneSecond(chat.Select(a => a.At))));
    }

    /// <summary>The most timestamps within any one second, [t, t + 1 s).</summary>
    public static int MaxInOneSecond(IEnumerable<long> timestamps)
    {
        var sorted = timestamps.Order().ToArray();
        var (most, first) = (0, 0);
        for (var i = 0; i < sorted.Length; i++)
        {
            while (sorted[i] - sorted[first] >= Stopwatch.Frequency)
                first++;
            most = Math.Max(most, i - first + 1);
        }
        return most;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
