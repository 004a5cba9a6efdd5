using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Demo.Telegram;

namespace SnowOps.Demo.Crews;

/// <summary>What a crew member does between Start and Done: drives its route sharing a live location, or measures homes.</summary>
public sealed class CrewWork(DemoBotApi telegram, HostApi host, DemoOptions options, ILogger<CrewWork> logger)
{
    readonly ConcurrentDictionary<string, bool> _repaired = new();

    /// <summary>A repair crew fixed the compound's heating: its homes measure warm from now on.</summary>
    public void Repaired(string compoundId) => _repaired[compoundId] = true;

    /// <summary>
    /// Shares a live location and moves it along the route: the ends of every segment in the order served, paced so the
    /// whole route takes <see cref="DemoOptions.RouteSeconds"/>.
    /// </summary>
    public async Task DriveAsync(DemoMember member, string routeWkt, CancellationToken cancellationToken)
    {
        var stops = Stops(routeWkt, options.StopsPerRoute);
        if (stops.Count == 0)
            return;
        var pause = TimeSpan.FromSeconds(options.RouteSeconds / stops.Count);
        var messageId = Updates.NextMessageId();
        var started = Stopwatch.StartNew();
        for (var i = 0; i < stops.Count; i++)
        {
            var status = await host.PostUpdateAsync(Updates.Location(member, messageId, stops[i].Y, stops[i].X, first: i == 0), cancellationToken);
            if (status != 200)
                logger.LogWarning("{Member}'s location was answered {Status}.", member.Name, status);
            // Paced by the clock, not by the pauses: the time the host takes to answer does not slow the truck down.
            var due = pause * (i + 1) - started.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, cancellationToken);
        }
    }

    /// <summary>
    /// The route's segment ends in driving order. An end within <see cref="NearMeters"/> of the last position sent is not
    /// sent again: the bot marks every end within its tolerance (30 m by default) of a position, so it is marked already.
    /// With <paramref name="most"/> above zero, that many positions evenly along the route at most (the last one always).
    /// </summary>
    public static IReadOnlyList<Coordinate> Stops(string routeWkt, int most = 0)
    {
        var geometry = new WKTReader().Read(routeWkt);
        var stops = new List<Coordinate>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not LineString { IsEmpty: false } line)
                continue;
            foreach (var end in new[] { line.StartPoint.Coordinate, line.EndPoint.Coordinate })
                if (stops.Count == 0 || Meters(stops[^1], end) > NearMeters)
                    stops.Add(end);
        }
        if (most <= 0 || stops.Count <= most)
            return stops;
        return Enumerable.Range(1, most).Select(k => stops[(int)Math.Round(k * (stops.Count - 1.0) / most)]).ToList();
    }

    const double NearMeters = 20;

    /// <summary>Equirectangular distance, far below GPS error over a city.</summary>
    static double Meters(Coordinate a, Coordinate b)
    {
        const double metersPerDegree = 111_320;
        var x = (b.X - a.X) * Math.Cos((a.Y + b.Y) / 2 * Math.PI / 180) * metersPerDegree;
        var y = (b.Y - a.Y) * metersPerDegree;
        return Math.Sqrt(x * x + y * y);
    }

    /// <summary>Opens the card's readings dialog and sends one message of readings per home, as an inspector types them.</summary>
    public async Task MeasureAsync(DemoMember member, BotMessage card, Guid taskId, string? compoundId, CancellationToken cancellationToken)
    {
        var before = telegram.MessagesTo(member.ChatId).Count;
        await host.PostUpdateAsync(Updates.Press(member, card, $"{taskId:N}:r"), cancellationToken);
        await UntilAskedAsync(member, before, cancellationToken);
        for (var home = 1; home <= options.ReadingsPerCheck; home++)
        {
            var readings = Thermometer.Readings(compoundId ?? taskId.ToString("N"), home, _repaired.ContainsKey(compoundId ?? ""));
            var text = $"{home}-1-{100 + home}: " + string.Join(' ', readings.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)));
            await host.PostUpdateAsync(Updates.Text(member, text), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.PressSeconds)), cancellationToken);
        }
    }

    /// <summary>Waits (a little) for the bot's question; the readings are the chat's next text either way.</summary>
    async Task UntilAskedAsync(DemoMember member, int before, CancellationToken cancellationToken)
    {
        for (var waited = 0; waited < 50; waited++)
        {
            if (telegram.MessagesTo(member.ChatId).Skip(before).Any(m => m.AsksForReply))
                return;
            await Task.Delay(100, cancellationToken);
        }
    }
}
