using System.CommandLine;
using System.Globalization;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Bench;

/// <summary>
/// <c>snowops bench heating [--compounds 10000] [--inspectors 200] [--companies 20] [--runs 7] [--seed 1] [--seconds 2] [--readings 5000]</c>:
/// the time to produce the ranked, capacity-respecting check schedule for a cold wave on a synthetic district, beside a
/// naive baseline and a 1,000-compound district; and measurements per second through the reading decision in memory,
/// beside a plain mean, and recorded end to end by Heating embedded in this process (in-memory bus, SQLite) for a
/// district of up to 1,000 compounds; printed as Markdown tables. Exit codes: 0 the schedule kept every capacity and the
/// risk order and every published measurement was stored, 1 not, 2 bad options.
/// </summary>
public static class HeatingCommand
{
    const int Smaller = 1000;

    /// <summary>The compounds of the district the end-to-end run registers: the first of the benchmark's district.</summary>
    const int Recorded = 1000;

    public const string RecordedRow = "SnowOps: recorded end to end (in-memory bus, SQLite)";

    public static Command Create()
    {
        var compounds = Count("--compounds", "Residential compounds in the district.", 10_000, 1_000_000);
        var inspectors = Count("--inspectors", "Inspectors, shared among the companies.", 200, 100_000);
        var companies = Count("--companies", "Heating companies (at most one per inspector).", 20, 10_000);
        var runs = Count("--runs", "Timed runs of the schedule; the median is shown.", 7, 1000);
        var seed = Count("--seed", "Seed of the synthetic district.", 1, int.MaxValue);
        var seconds = new Option<double>("--seconds")
        {
            Description = "How long each readings measurement runs.",
            DefaultValueFactory = _ => 2,
            CustomParser = result => RouteCommand.Parse<double>(result, "--seconds", "a number of seconds from 0.1 to 600",
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0.1 and <= 600 ? value : null),
        };
        var readings = Count("--readings", "Measurements published for the end-to-end run.", 5_000, 1_000_000);
        var command = new Command("heating",
            "Ranked, capacity-respecting temperature-check schedule for a cold wave, and measurements per second judged in memory and recorded end to end.")
        {
            compounds, inspectors, companies, runs, seed, seconds, readings,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (n, staff, firms, times, s) = (parse.GetValue(compounds), parse.GetValue(inspectors), parse.GetValue(companies), parse.GetValue(runs),
                parse.GetValue(seed));
            firms = Math.Min(firms, staff);
            var district = HeatingDistrict.Generate(n, staff, firms, s, HeatingBench.Now);
            var rows = new List<HeatingBench.ScheduleRow> { HeatingBench.Naive(district, times) };
            if (n > Smaller)
            {
                var smaller = HeatingDistrict.Generate(Smaller, Math.Max(1, staff * Smaller / n), Math.Max(1, firms * Smaller / n), s, HeatingBench.Now);
                rows.Add(HeatingBench.Schedule(Invariant($"SnowOps, {Smaller:N0}-compound district"), smaller, times));
            }
            var snowOps = HeatingBench.Schedule("SnowOps", district, times);
            rows.Add(snowOps);
            WriteSchedule(output, n, staff, firms, s, times, rows);

            var measurements = HeatingBench.Measurements(10_000, 5, s);
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var inMemory = new List<HeatingBench.ReadingRow> { HeatingBench.PlainMean(measurements, duration), HeatingBench.Judge(measurements, duration) };
            var recordedDistrict = district with { Candidates = [.. district.Candidates.Take(Recorded)] };
            var recorded = await HeatingRecorded.RunAsync(recordedDistrict, parse.GetValue(readings), s, cancellationToken);
            WriteReadings(output, inMemory, recorded);

            var error = parse.InvocationConfiguration.Error;
            var scheduleKept = snowOps.CapacityKept && snowOps.RiskOrderKept;
            if (!scheduleKept)
                error.WriteLine("The schedule broke a company's capacity or the risk order.");
            if (!recorded.Complete)
                error.WriteLine(Invariant($"The run stopped short: {recorded.Stored:N0} of {recorded.Published:N0} measurements were stored."));
            return scheduleKept && recorded.Complete ? 0 : 1;
        });
        return command;
    }

    static void WriteSchedule(TextWriter output, int compounds, int inspectors, int companies, int seed, int runs, List<HeatingBench.ScheduleRow> rows)
    {
        output.WriteLine(Invariant(
            $"Temperature checks in a cold wave: a synthetic district (seed {seed}) of {compounds:N0} compounds and {inspectors:N0} inspectors in {companies:N0} companies ({HeatingDistrict.ChecksPerInspector} checks an inspector a day), checked every {HeatingDistrict.ColdWaveEveryHours} h in the cold wave; the schedule ranked by risk (age, low readings, cold area, cold spots, complaints, forecast, with the plan's first compounds boosted) and cut at each company's capacity for the day. Median of {runs} runs, one thread, no database."));
        output.WriteLine();
        var table = new TextTable("schedule", "compounds", "inspectors", "due", "checks scheduled", "time (ms)", "per-compound µs", "capacity kept",
            "highest risk first") { LeftColumns = 1 };
        foreach (var r in rows)
            table.Add(r.Name, Invariant($"{r.Compounds:N0}"), Invariant($"{r.Inspectors:N0}"), Invariant($"{r.Due:N0}"), Invariant($"{r.Scheduled:N0}"),
                Invariant($"{r.Milliseconds:N2}"), Invariant($"{r.MicrosecondsPerCompound:N2}"), r.CapacityKept ? "yes" : "no",
                r.RiskOrderKept ? "yes" : "no (one key)");
        table.Write(output, markdown: true);
        output.WriteLine();
    }

    static void WriteReadings(TextWriter output, List<HeatingBench.ReadingRow> inMemory, HeatingRecorded.Result recorded)
    {
        output.WriteLine(Invariant(
            $"Readings, {inMemory[0].ReadingsEach} a measurement. In memory, one thread, for {inMemory[0].Seconds:N1} s on 10,000 random measurements: each checked for range and count, the highest and lowest dropped, the rest averaged, and judged by ReadingJudge (counted or not, the day or night standard, the verdict) with the options Heating binds; beside a plain mean against 18 °C. End to end: Heating in this process (in-memory bus, SQLite, migrations applied, no schedules running) with {recorded.Compounds:N0} compounds registered; {recorded.Published:N0} IndoorTemperatureRecorded published at once, about a tenth below the standard, timed until the last was stored (each kept once, judged, the compound's last reading kept, its complaints marked checked, and a counted cold one opening a deficiency that announces itself and requests a repair)."));
        output.WriteLine();
        var table = new TextTable("", "measurements", "seconds", "measurements/s", "readings/s", "below standard", "deficiencies opened", "repairs requested")
            { LeftColumns = 1 };
        var rows = inMemory.Append(new HeatingBench.ReadingRow(RecordedRow, recorded.Stored, recorded.ReadingsEach, recorded.Seconds, recorded.BelowStandard,
            recorded.Deficiencies, recorded.Repairs));
        foreach (var r in rows)
            table.Add(r.Name, Invariant($"{r.Measurements:N0}"), Invariant($"{r.Seconds:N2}"), Invariant($"{r.PerSecond:N0}"),
                Invariant($"{r.PerSecond * r.ReadingsEach:N0}"), Invariant($"{r.BelowStandard:N0}"), Optional(r.Deficiencies),
                Optional(r.Repairs));
        table.Write(output, markdown: true);
        output.WriteLine();
    }

    static Option<int> Count(string name, string description, int byDefault, int max) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => byDefault,
            CustomParser = result => RouteCommand.Parse<int>(result, name, Invariant($"a whole number from 1 to {max}"),
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value : null),
        };

    static string Optional(int? count) => count is { } n ? Invariant($"{n:N0}") : "—";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
