using System.Text.Json;
using SnowOps.Cli.Routing;
using SnowOps.Optimizer.Carp;

namespace SnowOps.Cli.Tests;

public class When_a_carp_file_is_routed
{
    [Fact]
    public async Task Should_print_one_json_object_whose_routes_the_validator_accepts_at_its_cost()
    {
        var run = await Cli.RunAsync("route", "carp", Benchmarks.File("gdb", "gdb1"), "--seconds", "0.5", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Output.Trim().Split('\n'));
        var answer = JsonSerializer.Deserialize<CarpAnswer>(run.Output, CarpCommand.Json)!;
        var check = CarpValidator.Check(CarpFile.Read(Benchmarks.File("gdb", "gdb1")), answer.ToRoutes());
        Assert.Equal("gdb1", answer.Instance);
        Assert.True(check.Valid, string.Join(" ", check.Errors));
        Assert.Equal(check.Cost, answer.Cost);
        Assert.Equal(answer.Cost, answer.Routes.Sum(r => r.Cost));
    }

    [Fact]
    public async Task Should_name_the_json_keys_in_camel_case_and_services_as_pairs()
    {
        var run = await Cli.RunAsync("route", "carp", Benchmarks.File("gdb", "gdb1"), "--seconds", "0.5", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(["instance", "cost", "seconds", "routes"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var route = json.RootElement.GetProperty("routes")[0];
        Assert.Equal(["load", "cost", "services"], route.EnumerateObject().Select(p => p.Name));
        Assert.All(route.GetProperty("services").EnumerateArray(), s => Assert.Equal(2, s.GetArrayLength()));
    }

    [Fact]
    public async Task Should_print_a_short_summary_without_json()
    {
        var run = await Cli.RunAsync("route", "carp", Benchmarks.File("gdb", "gdb1"), "--seconds", "0.5");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("gdb1: cost ", run.Output);
        Assert.Contains("route 1: load", run.Output);
    }

    [Fact]
    public async Task Should_refuse_a_malformed_file_with_exit_code_2_and_the_line_at_fault()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.dat");
        await File.WriteAllTextAsync(path, "VERTICES : 3\nARISTAS_REQ : 1\nCAPACIDAD : 5\nLISTA_ARISTAS_REQ :\n ( 1, 2) coste x demanda 1\nDEPOSITO : 1\n");

        var run = await Cli.RunAsync("route", "carp", path, "--seconds", "0.5", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("not a CARP file: Line 5", run.Error);
    }

    [Fact]
    public async Task Should_refuse_a_missing_file_with_exit_code_2()
    {
        var run = await Cli.RunAsync("route", "carp", "/no/such/instance.dat", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be read", run.Error);
    }

    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--seconds", "soon")]
    [InlineData("--seed", "x")]
    public async Task Should_refuse_a_bad_option_value_with_exit_code_2(string option, string value)
    {
        var run = await Cli.RunAsync("route", "carp", Benchmarks.File("gdb", "gdb1"), option, value, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }
}
