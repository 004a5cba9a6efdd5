using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Measurements recorded end to end: Heating embedded in this process with a registered district, N
/// <see cref="IndoorTemperatureRecorded"/> published at once (about a tenth of them below the standard), timed from
/// publishing until the last one is stored; then the deficiencies opened and the repairs requested are counted.
/// </summary>
public static class HeatingRecorded
{
    /// <summary>A run that has seen no measurement stored for this long has stopped; it reports what was stored.</summary>
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    /// <summary>How long the repair requests of the opened deficiencies may take to arrive once every measurement is stored.</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public sealed record Result(int Compounds, int Published, int Stored, int ReadingsEach, double Seconds, int BelowStandard, int Deficiencies,
        int Repairs)
    {
        public bool Complete => Stored == Published;
    }

    public static async Task<Result> RunAsync(HeatingDistrict district, int measurements, int seed, CancellationToken cancellationToken)
    {
        await using var host = await HeatingHost.StartAsync(cancellationToken);
        await host.RegisterAsync(district, cancellationToken);
        var messages = Messages(district, measurements, seed);

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(messages.Select(m => host.Bus.Publish(m, cancellationToken)));
        var (stored, seen, lastStored) = (0, 0, started);
        while (true)
        {
            stored = await host.ReadingsAsync(cancellationToken);
            if (stored >= measurements || stored != seen)
                (seen, lastStored) = (stored, Stopwatch.GetTimestamp());
            if (stored >= measurements || Stopwatch.GetElapsedTime(lastStored) > Stall)
                break;
            await Task.Delay(20, cancellationToken);
        }
        var seconds = Stopwatch.GetElapsedTime(started, lastStored).TotalSeconds;

        var below = await host.QueryAsync(db => db.Readings.CountAsync(r => r.BelowStandard, cancellationToken));
        var deficiencies = await host.QueryAsync(db => db.Deficiencies.CountAsync(cancellationToken));
        var settled = Stopwatch.GetTimestamp();
        while (host.Repairs.Count < deficiencies && Stopwatch.GetElapsedTime(settled) < Settle)
            await Task.Delay(20, cancellationToken);
        return new Result(district.Candidates.Count, measurements, stored, MeasuringReadings, seconds, below, deficiencies, host.Repairs.Count);
    }

    /// <summary>Readings a generated measurement takes.</summary>
    public const int MeasuringReadings = 5;

    /// <summary>
    /// The measurements, the same for the same seed: each of a random compound by one of the district's inspectors in the
    /// ten hours before <see cref="HeatingBench.Now"/>, a tenth of them centred below the 18 °C standard.
    /// </summary>
    public static IReadOnlyList<IndoorTemperatureRecorded> Messages(HeatingDistrict district, int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<IndoorTemperatureRecorded>(count);
        for (var i = 0; i < count; i++)
        {
            var compound = district.Candidates[random.Next(district.Candidates.Count)].Facts.CompoundId;
            var centre = random.NextDouble() < 0.1 ? 14 + random.NextDouble() * 3.5 : 18.5 + random.NextDouble() * 5.5;
            var readings = Enumerable.Range(0, MeasuringReadings).Select(_ => Math.Round(centre + (random.NextDouble() - 0.5) * 0.8, 1)).ToArray();
            list.Add(new IndoorTemperatureRecorded(NewId.NextGuid(), null, compound, readings, MeasuringMethod.Average(readings),
                $"inspector-{random.Next(district.Inspectors):D4}", HeatingBench.Now.AddMinutes(-random.Next(600))));
        }
        return list;
    }
}
