using System.Globalization;

namespace SnowOps.Cli.Tests;

public class When_heating_checks_are_benchmarked
{
    static string[] Row(string output, string name) =>
        output.Split('\n').Single(l => l.StartsWith("| " + name + " |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries)[1..^1];

    [Fact]
    public async Task Should_schedule_within_capacity_highest_risk_first_and_record_every_measurement_beside_the_baselines()
    {
        var run = await Cli.RunAsync("bench", "heating", "--compounds", "1500", "--inspectors", "10", "--companies", "3", "--runs", "1", "--seconds", "0.1",
            "--readings", "300");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        // schedule, compounds, inspectors, due, checks scheduled, time, per-compound µs, capacity kept, highest risk first
        var snowOps = Row(run.Output, "SnowOps");
        Assert.Equal(["1,500", "10"], snowOps[1..3]);
        Assert.Equal("80", snowOps[4]);
        Assert.Equal(["yes", "yes"], snowOps[7..9]);
        Assert.True(double.Parse(snowOps[5], CultureInfo.InvariantCulture) > 0);
        Assert.Equal("1,000", Row(run.Output, "SnowOps, 1,000-compound district")[1]);
        var naive = Row(run.Output, "naive baseline: oldest first, one sort key, no parts");
        Assert.Equal(snowOps[3], naive[3]);
        Assert.Equal("80", naive[4]);
        // measurements, seconds, measurements/s, readings/s, below standard, deficiencies opened, repairs requested
        var judge = Row(run.Output, "SnowOps: method checks + ReadingJudge.Judge, in memory");
        Assert.True(Number(judge[3]) > 0);
        Assert.Contains("| baseline: plain mean, no checks |", run.Output);
        var recorded = Row(run.Output, "SnowOps: recorded end to end (in-memory bus, SQLite)");
        Assert.Equal("300", recorded[1]);
        Assert.True(Number(recorded[3]) > 0);
        Assert.InRange(Number(recorded[5]), 1, 100);
        Assert.InRange(Number(recorded[6]), 1, Number(recorded[5]));
        Assert.Equal(recorded[6], recorded[7]);
    }

    static double Number(string cell) => double.Parse(cell, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("--compounds", "0")]
    [InlineData("--inspectors", "many")]
    [InlineData("--runs", "-3")]
    [InlineData("--seconds", "0")]
    [InlineData("--readings", "0")]
    public async Task Should_refuse_a_bad_option_with_exit_code_2(string option, string value)
    {
        var run = await Cli.RunAsync("bench", "heating", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }
}
