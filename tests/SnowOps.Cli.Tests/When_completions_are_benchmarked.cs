using SnowOps.Cli.Bench;

namespace SnowOps.Cli.Tests;

public class When_completions_are_benchmarked
{
    [Theory]
    [InlineData("--tasks", "0")]
    [InlineData("--tasks", "many")]
    [InlineData("--warmup", "0")]
    [InlineData("--ceiling-messages", "-5")]
    [InlineData("--window", "0")]
    [InlineData("--rate", "-1")]
    [InlineData("--rate", "fast")]
    [InlineData("--instances", "1,0,4")]
    [InlineData("--instances", "two")]
    [InlineData("--instances", "17")]
    public async Task Should_refuse_a_bad_option_value_with_exit_code_2(string option, string value)
    {
        var run = await Cli.RunAsync("bench", "completions", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task Should_refuse_to_run_without_a_broker_and_a_database_with_exit_code_2()
    {
        string[] names = ["SNOWOPS_IT_RABBITMQ_HOST", "SNOWOPS_IT_RABBITMQ_PORT", "SNOWOPS_IT_POSTGRES"];
        var saved = names.ToDictionary(n => n, n => Environment.GetEnvironmentVariable(n));
        try
        {
            foreach (var name in names)
                Environment.SetEnvironmentVariable(name, null);

            var run = await Cli.RunAsync("bench", "completions", "--tasks", "100");

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
    public async Task Should_refuse_a_host_that_is_not_there_with_exit_code_2()
    {
        var run = await Cli.RunAsync("bench", "completions", "--rabbitmq", "amqp://guest:guest@127.0.0.1:5672",
            "--postgres", "Host=127.0.0.1;Username=snowops;Password=snowops;Database=snowops", "--host", "/nowhere/SnowOps.Host.dll");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--host", run.Error);
        Assert.Contains("/nowhere/SnowOps.Host.dll", run.Error);
    }

    [Fact]
    public void Should_print_every_path_beside_both_ceilings_and_say_whether_the_target_is_met()
    {
        var plan = new CompletionsBench.Plan(10_000, 500, 50_000, 1_000, [1, 2], new FileInfo("SnowOps.Host.dll"));
        var raw = new Throughput("bare RabbitMQ.Client", 50_000, 50_000, TimeSpan.FromSeconds(5), 20, 60, "0.5 0.5 0.5");
        var massTransit = new Throughput("MassTransit alone, prefetch 4", 50_000, 50_000, TimeSpan.FromSeconds(20), 900, 1_800, "0.5 0.5 0.5");
        var tuned = new Throughput("MassTransit alone, prefetch 1,000", 50_000, 50_000, TimeSpan.FromSeconds(10), 40, 90, "0.5 0.5 0.5");
        var once = new CompletionLedger.Verification(10_500, 10_500, 10_500, 10_500, 10_500, 0);
        var twice = once with { LedgerTwice = 3 };
        CompletionsRound.Outcome[] rounds =
        [
            new(1, new Throughput("end to end, 1 × Dispatch + 1 × Status", 10_000, 10_000, TimeSpan.FromSeconds(10), 4_000, 9_000, "1 1 1"), once, new QueuePair(1, 1), new QueuePair(9_000, 10), (21.5, 0.3)),
            new(2, new Throughput("end to end, 2 × Dispatch + 2 × Status", 10_000, 10_000, TimeSpan.FromSeconds(4), 1_500, 3_500, "2 1 1"), twice, new QueuePair(2, 2), new QueuePair(4_000, 20)),
        ];
        var result = new CompletionsBench.Result(plan, raw, massTransit, tuned, rounds);
        using var output = new StringWriter();

        CompletionsReport.Write(output, result);

        var text = output.ToString();
        Assert.Contains(CompletionsReport.Header, text);
        // Every path, the ceilings too, is measured after the same warm-up.
        Assert.Contains("500 unmeasured messages first on every path, then 50,000 per ceiling and 10,000 TaskCompleted per end-to-end run", text);
        Assert.Contains("| bare RabbitMQ.Client | 10,000 | 20 | 60 | 100 % | 200 % |", text);
        // The ratios to MassTransit are taken against its faster row.
        Assert.Contains("| MassTransit alone, prefetch 4 | 2,500 | 900 | 1,800 | 25 % | 50 % |", text);
        Assert.Contains("| MassTransit alone, prefetch 1,000 | 5,000 | 40 | 90 | 50 % | 100 % |", text);
        Assert.Contains("| end to end, 1 × Dispatch + 1 × Status | 1,000 | 4,000 | 9,000 | 10 % | 20 % |", text);
        Assert.Contains("Best here: 2,500 events/s with 2 instance(s) of each (50 % of the target): not met.", text);
        Assert.Contains("| 2 | 2 / 2 | 2,500 | 2.50 | 1,500 | 3,500 | 4,000 / 20 |", text);
        // A task whose row turned Completed twice is not counted as completed once.
        Assert.Contains("| 10,497 of 10,500 |", text);
        // How long the hosts were still compiling, beside the measured span; unknown where it could not be read.
        Assert.Contains("| 10,500 of 10,500 | 21.5 / 0.3 of 10.0 | 1 1 1 |", text);
        Assert.Contains("| 10,497 of 10,500 | – | 2 1 1 |", text);
        Assert.False(result.Complete);
    }
}
