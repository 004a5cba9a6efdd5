using System.CommandLine;
using System.Globalization;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Bench;

/// <summary>
/// <c>snowops bench completions [--tasks 5000] [--rate 0] [--ceiling-messages 50000] [--instances 1,2,4] [--rabbitmq URI] [--postgres CONNSTRING]</c>:
/// crews' completion reports per second from the bot's publish to the Status read model in PostgreSQL, with real Dispatch
/// and Status host processes (1, 2 and 4 of each), beside bare RabbitMQ.Client and MassTransit alone on the same broker.
/// Exit codes: 0 every run complete and nothing processed twice, 1 a run stalled or something was processed twice,
/// 2 bad options or infrastructure that cannot be used.
/// </summary>
public static class CompletionsCommand
{
    public static Command Create()
    {
        var tasks = Count("--tasks", "Completion events per end-to-end run (each run seeds as many assigned tasks).", 30_000, 1_000_000);
        var warmup = Count("--warmup", "Messages sent first on every path (each ceiling, each end-to-end run) and left out of its figures: the hosts compile their hot code again, optimised, over their first half minute or so of full load.", 200_000, 2_000_000);
        var ceiling = Count("--ceiling-messages", "Messages for each ceiling (bare RabbitMQ.Client, MassTransit alone).", 50_000, 5_000_000);
        var window = Count("--window", "Publishes awaiting the broker's confirm at once, on every path.", 1_000, 100_000);
        var rate = new Option<double>("--rate")
        {
            Description = "End-to-end completions published per second; 0 (the default) publishes them as fast as the broker confirms them, which measures the most the path takes.",
            DefaultValueFactory = _ => 0,
            CustomParser = result => RouteCommand.Parse<double>(result, "--rate", "a number of events per second from 0 to 1,000,000",
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1_000_000 ? value : null),
        };
        var instances = new Option<int[]>("--instances")
        {
            Description = "Instances of Dispatch and of Status in each end-to-end run, comma-separated.",
            DefaultValueFactory = _ => [1, 2, 4],
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                var parts = text.Split(',', StringSplitOptions.TrimEntries);
                var counts = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16 ? n : 0).ToArray();
                if (text.Length == 0 || counts.Any(n => n == 0))
                    result.AddError($"--instances must be whole numbers from 1 to 16, comma-separated (1,2,4), found '{text}'.");
                return counts;
            },
        };
        var host = new Option<FileInfo?>("--host")
        {
            Description = "SnowOps.Host.dll to run (default: the Release build beside this one, src/SnowOps.Host/bin/Release/net10.0).",
        };
        var rabbit = new Option<string?>("--rabbitmq")
        {
            Description = "The broker, amqp://user:password@host:port (default: SNOWOPS_IT_RABBITMQ_* from .infra/infra.env). Each run makes a virtual host of its own.",
        };
        var management = new Option<string?>("--rabbitmq-management")
        {
            Description = "The broker's management API, which makes and removes the runs' virtual hosts (default: http://host:SNOWOPS_IT_RABBITMQ_MGMT_PORT, else port 15672).",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "An Npgsql connection string allowed to create databases (default: SNOWOPS_IT_POSTGRES). Each run makes a database of its own.",
        };
        var command = new Command("completions",
            "Crews' completions per second end to end (bot → RabbitMQ → Dispatch → Status read model in PostgreSQL) with 1, 2 and 4 instances, beside bare RabbitMQ.Client and MassTransit alone.")
        {
            tasks, warmup, ceiling, window, rate, instances, host, rabbit, management, postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (!StormInfrastructure.TryRead(parse.GetValue(rabbit), parse.GetValue(management), parse.GetValue(postgres), error, out var broker, out var database))
                return SnowOpsCli.BadInput;
            var hostDll = parse.GetValue(host) ?? ModuleProcess.DefaultHost();
            if (!hostDll.Exists)
            {
                error.WriteLine($"--host: no SnowOps.Host.dll at {hostDll.FullName}; build it (dotnet build src/SnowOps.Host -c Release) or name it.");
                return SnowOpsCli.BadInput;
            }
            var plan = new CompletionsBench.Plan(parse.GetValue(tasks), parse.GetValue(warmup), parse.GetValue(ceiling), parse.GetValue(window),
                parse.GetValue(instances)!.Distinct().ToArray(), hostDll, parse.GetValue(rate));
            CompletionsBench.Result result;
            try
            {
                result = await CompletionsBench.RunAsync(plan, broker, database, error, cancellationToken);
            }
            catch (StormSetupException e)
            {
                error.WriteLine(e.Message);
                return SnowOpsCli.BadInput;
            }
            CompletionsReport.Write(output, result);
            if (result.Complete)
                return 0;
            CompletionsReport.WriteShortfall(error, result);
            return 1;
        });
        return command;
    }

    static Option<int> Count(string name, string description, int byDefault, int max) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => byDefault,
            CustomParser = result => RouteCommand.Parse<int>(result, name, Invariant($"a whole number from 1 to {max}"),
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value : null),
        };

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
