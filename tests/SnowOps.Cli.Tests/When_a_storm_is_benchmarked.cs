using SnowOps.Cli.Bench;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Cli.Tests;

public class When_a_storm_is_benchmarked
{
    [Fact]
    public async Task Should_assign_every_task_and_process_every_crew_report_in_a_small_embedded_storm()
    {
        var run = await Cli.RunAsync("bench", "storm", "--crews", "5", "--tasks", "50");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains(StormReport.Header, run.Output);
        var row = run.Output.Split('\n').Single(l => l.StartsWith("| embedded |", StringComparison.Ordinal))
            .Split('|', StringSplitOptions.TrimEntries)[1..^1];
        // mode, crews, tasks, tasks that reached a crew, …, state changes Dispatch confirmed (accepted, started, completed per task)
        Assert.Equal(["embedded", "5", "50", "50"], row[..4]);
        Assert.Equal("150", row[5]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 50)]
    [InlineData(500, 5000)]
    [InlineData(3, 100_000)]
    public void Should_make_a_storm_of_exactly_the_tasks_asked_for_from_plans_dispatch_accepts(int crews, int tasks)
    {
        var city = StormCity.For(crews, tasks);

        var storm = city.Main;
        Assert.Equal(crews, city.CrewDefinitions().Count);
        Assert.Equal(tasks, storm.RouteTasks + storm.DeIcing + storm.Intersections + storm.Notices);
        Assert.All(city.Plans(), plan => Assert.Empty(PlanValidator.Check(plan)));
        var plan = city.Plans().Single(p => p.Name == StormCity.StormPlan);
        Assert.Equal(tasks - storm.RouteTasks, plan.Tasks.Sum(t => t.Count));
        // Every route is driven by a crew on the roster, which is how Dispatch gives it to that crew.
        var vehicles = city.CrewDefinitions().Select(c => c.VehicleId).OfType<string>().ToHashSet();
        var routes = StormCity.Routes(Guid.NewGuid(), storm);
        Assert.Equal(storm.PlowRoutes + storm.SpreaderRoutes, routes.Count);
        Assert.All(routes, r => Assert.Contains(r.VehicleId!, vehicles));
    }

    [Theory]
    [InlineData("--crews", "0")]
    [InlineData("--crews", "many")]
    [InlineData("--tasks", "0")]
    [InlineData("--tasks", "2000000")]
    [InlineData("--mode", "other")]
    public async Task Should_refuse_a_bad_option_value_with_exit_code_2(string option, string value)
    {
        var run = await Cli.RunAsync("bench", "storm", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task Should_refuse_the_distributed_mode_without_a_broker_and_a_database_with_exit_code_2()
    {
        string[] names = ["SNOWOPS_IT_RABBITMQ_HOST", "SNOWOPS_IT_RABBITMQ_PORT", "SNOWOPS_IT_POSTGRES"];
        var saved = names.ToDictionary(n => n, n => Environment.GetEnvironmentVariable(n));
        try
        {
            foreach (var name in names)
                Environment.SetEnvironmentVariable(name, null);

            var run = await Cli.RunAsync("bench", "storm", "--mode", "distributed", "--crews", "5", "--tasks", "50");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--rabbitmq", run.Error);
            Assert.Contains("--postgres", run.Error);
            Assert.Contains(".infra/infra.env", run.Error);
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task Should_refuse_a_broker_that_is_not_an_amqp_uri_with_exit_code_2()
    {
        var run = await Cli.RunAsync("bench", "storm", "--mode", "distributed", "--rabbitmq", "http://127.0.0.1:5672",
            "--postgres", "Host=127.0.0.1;Username=snowops;Password=snowops;Database=snowops");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rabbitmq must be an amqp:// URI", run.Error);
    }

    [Fact]
    public async Task Should_refuse_server_options_in_the_embedded_mode_with_exit_code_2()
    {
        var run = await Cli.RunAsync("bench", "storm", "--rabbitmq", "amqp://guest:guest@127.0.0.1:5672");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--mode distributed", run.Error);
    }
}
