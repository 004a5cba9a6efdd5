using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.Heating;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Risk;

namespace SnowOps.Cli.Bench;

/// <summary>
/// Times the check scheduler's core on a synthetic district in a cold wave (the median of several runs), beside a naive
/// baseline on the same district, and the throughput of the reading decision on random measurements.
/// </summary>
public static class HeatingBench
{
    public sealed record ScheduleRow(string Name, int Compounds, int Inspectors, int Due, int Scheduled, double Milliseconds, bool CapacityKept,
        bool RiskOrderKept)
    {
        public double MicrosecondsPerCompound => Milliseconds * 1000 / Compounds;
    }

    /// <summary>A row of the readings table; <paramref name="Deficiencies"/> and <paramref name="Repairs"/> only where they are recorded.</summary>
    public sealed record ReadingRow(string Name, long Measurements, int ReadingsEach, double Seconds, long BelowStandard, int? Deficiencies = null,
        int? Repairs = null)
    {
        public double PerSecond => Measurements / Math.Max(Seconds, 1e-9);
    }

    public static readonly DateTimeOffset Now = new(2026, 12, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>SnowOps' ranked, capacity-respecting schedule.</summary>
    public static ScheduleRow Schedule(string name, HeatingDistrict district, int runs)
    {
        var context = HeatingDistrict.ColdWave(Now);
        var options = new RiskOptions { ReferenceYear = Now.Year };
        IReadOnlyList<PlannedCheck> plan = [];
        var ms = Median(runs, () => plan = CheckPlanner.Plan(district.Candidates, context, district.Capacity, Now, options));
        var today = plan.Where(p => p.Today).ToList();
        var capacityKept = today.GroupBy(p => p.Candidate.Facts.CompanyId).All(g => g.Count() <= district.Capacity[g.Key]);
        var riskKept = plan.GroupBy(p => p.Candidate.Facts.CompanyId).All(g =>
            !g.Any(p => p.Today) || !g.Any(p => !p.Today) || g.Where(p => p.Today).Min(p => p.Risk) >= g.Where(p => !p.Today).Max(p => p.Risk));
        return new ScheduleRow(name, district.Candidates.Count, district.Inspectors, plan.Count, today.Count, ms, capacityKept, riskKept);
    }

    /// <summary>The naive baseline: the due compounds sorted by one key (oldest first) and cut at each company's capacity.</summary>
    public static ScheduleRow Naive(HeatingDistrict district, int runs)
    {
        var scheduled = 0;
        var due = 0;
        var ms = Median(runs, () =>
        {
            var left = new Dictionary<string, int>(district.Capacity, StringComparer.Ordinal);
            var sorted = district.Candidates.Where(c => c.IsDue(Now)).OrderBy(c => c.Facts.BuiltYear ?? int.MaxValue).ToList();
            (due, scheduled) = (sorted.Count, 0);
            foreach (var c in sorted)
            {
                if (left.TryGetValue(c.Facts.CompanyId, out var n) && n > 0)
                {
                    left[c.Facts.CompanyId] = n - 1;
                    scheduled++;
                }
            }
        });
        return new ScheduleRow("naive baseline: oldest first, one sort key, no parts", district.Candidates.Count, district.Inspectors, due, scheduled, ms,
            true, false);
    }

    /// <summary>
    /// Measurements through the in-memory decision: checked and averaged by the method, then judged by
    /// <see cref="ReadingJudge"/> (counted or not, the day or night standard, the verdict) with the options Heating binds.
    /// </summary>
    public static ReadingRow Judge(double[][] measurements, TimeSpan duration)
    {
        using var services = new ServiceCollection().AddHeatingServices(new ConfigurationBuilder().Build()).BuildServiceProvider();
        using var scope = services.CreateScope();
        var judge = scope.ServiceProvider.GetRequiredService<ReadingJudge>();
        var method = scope.ServiceProvider.GetRequiredService<IOptions<MeasuringMethod>>().Value;
        return Loop(JudgeRow, measurements, duration, m =>
        {
            if (method.Problem(m) is not null)
                return false;
            var reading = new TemperatureReading
            {
                CompoundId = "compound-000001", InspectorId = "inspector-0001", Readings = [.. m],
                AverageCelsius = MeasuringMethod.Average(m), Measured = Now,
            };
            judge.Judge(reading, null);
            return reading.BelowStandard;
        });
    }

    public const string JudgeRow = "SnowOps: method checks + ReadingJudge.Judge, in memory";

    /// <summary>The baseline: a plain mean of the same readings against the standard, with no checks and nothing dropped.</summary>
    public static ReadingRow PlainMean(double[][] measurements, TimeSpan duration) =>
        Loop("baseline: plain mean, no checks", measurements, duration, m =>
        {
            var sum = 0.0;
            foreach (var r in m)
                sum += r;
            return sum / m.Length < 18;
        });

    public static double[][] Measurements(int count, int readingsEach, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var centre = 14 + random.NextDouble() * 10;
            return Enumerable.Range(0, readingsEach).Select(_ => Math.Round(centre + (random.NextDouble() - 0.5) * 0.8, 1)).ToArray();
        })];
    }

    static ReadingRow Loop(string name, double[][] measurements, TimeSpan duration, Func<double[], bool> below)
    {
        long done = 0, count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var m in measurements)
                if (below(m))
                    count++;
            done += measurements.Length;
        }
        watch.Stop();
        return new ReadingRow(name, done, measurements[0].Length, watch.Elapsed.TotalSeconds, count);
    }

    /// <summary>The median time of <paramref name="runs"/> runs, after one run to warm up, in milliseconds.</summary>
    static double Median(int runs, Action run)
    {
        run();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }
}
