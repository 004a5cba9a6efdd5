using System.Globalization;

namespace SnowOps.Cli.Tests;

public class When_the_carp_benchmark_runs
{
    [Fact]
    public async Task Should_print_each_instance_beside_or_tools_and_a_summary_per_set()
    {
        using var folder = new TempFolder();
        var gdb = Directory.CreateDirectory(Path.Combine(folder.Path, "gdb")).FullName;
        foreach (var name in new[] { "gdb1", "gdb2" })
            File.Copy(Benchmarks.File("gdb", name), Path.Combine(gdb, name + ".dat"));
        var csv = Path.Combine(folder.Path, "results.csv");

        var run = await Cli.RunAsync("route", "bench", folder.Path, "--seconds", "0.5", "--bks", Benchmarks.BestKnown, "--csv", csv, "--markdown");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("| set | instance | SnowOps | BKS | gap % | s | OR-Tools | gap % | s |", run.Output);
        Assert.Contains("| gdb | gdb1 |", run.Output);
        Assert.Contains("| gdb | gdb2 |", run.Output);
        Assert.Contains("| gdb | 2 |", run.Output);
        // Every cost in the table was checked by the validator; the CSV says so for each solver.
        var lines = (await File.ReadAllLinesAsync(csv)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["gdb1", "gdb2"], lines.Select(l => l[1]));
        Assert.All(lines, l => Assert.Equal(("valid", "valid"), (l[6], l[10])));
        Assert.All(lines, l => Assert.True(long.Parse(l[7], CultureInfo.InvariantCulture) >= long.Parse(l[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Should_leave_out_or_tools_when_asked()
    {
        using var folder = new TempFolder();
        File.Copy(Benchmarks.File("gdb", "gdb1"), Path.Combine(folder.Path, "gdb1.dat"));

        var run = await Cli.RunAsync("route", "bench", folder.Path, "--seconds", "0.5", "--bks", Benchmarks.BestKnown, "--no-baseline");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("OR-Tools", run.Output);
        Assert.Contains("gdb1", run.Output);
    }

    [Fact]
    public async Task Should_count_an_unreadable_instance_as_a_failure()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "broken.dat"), "NOMBRE : broken\n");

        var run = await Cli.RunAsync("route", "bench", folder.Path, "--seconds", "0.5", "--no-baseline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("1 failure(s)", run.Output);
        Assert.Contains("not a CARP file", run.Output);
    }

    [Fact]
    public async Task Should_refuse_a_missing_folder_with_exit_code_2()
    {
        var run = await Cli.RunAsync("route", "bench", "/no/such/folder", "--seconds", "0.5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such folder", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task Should_refuse_a_bad_parallel_value_with_exit_code_2(string value)
    {
        var run = await Cli.RunAsync("route", "bench", Benchmarks.Folder, "--parallel", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--parallel", run.Error);
    }
}
