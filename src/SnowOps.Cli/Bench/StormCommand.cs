using System.CommandLine;
using System.Globalization;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Bench;

/// <summary>
/// <c>snowops bench storm [--crews 500] [--tasks 5000] [--mode embedded|distributed] [--rabbitmq URI] [--postgres CONNSTRING]</c>:
/// a storm at city scale through the Dispatch module, beside baselines on the same bus and database, printed as a Markdown table.
/// Exit codes: 0 every task assigned and every state change processed, 1 the run stalled short of that, 2 bad options or
/// infrastructure that cannot be used.
/// </summary>
public static class StormCommand
{
    public static Command Create()
    {
        var crews = Count("--crews", "Crews on duty.", 500, 100_000);
        var tasks = Count("--tasks", "Tasks the storm's activation gives out.", 5000, 1_000_000);
        var mode = new Option<string>("--mode")
        {
            Description = "embedded (in-memory bus, SQLite in a temporary folder) or distributed (RabbitMQ and PostgreSQL).",
            DefaultValueFactory = _ => "embedded",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (text is not ("embedded" or "distributed"))
                    result.AddError($"--mode must be embedded or distributed, found '{text}'.");
                return text;
            },
        };
        var rabbit = new Option<string?>("--rabbitmq")
        {
            Description = "Distributed: the broker, amqp://user:password@host:port (default: SNOWOPS_IT_RABBITMQ_* from .infra/infra.env). Each run makes a virtual host of its own.",
        };
        var management = new Option<string?>("--rabbitmq-management")
        {
            Description = "Distributed: the broker's management API, which makes and removes the run's virtual host (default: http://host:SNOWOPS_IT_RABBITMQ_MGMT_PORT, else port 15672).",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Distributed: an Npgsql connection string allowed to create databases (default: SNOWOPS_IT_POSTGRES). Each run makes a database of its own.",
        };
        var command = new Command("storm", "A storm at city scale through Dispatch: activation to every task assigned, and crews' task-state changes per second, beside the bare bus.")
        {
            crews, tasks, mode, rabbit, management, postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var distributed = parse.GetValue(mode) == "distributed";
            var (rabbitText, managementText, postgresText) = (parse.GetValue(rabbit), parse.GetValue(management), parse.GetValue(postgres));
            if (!distributed && (rabbitText ?? managementText ?? postgresText) is not null)
            {
                error.WriteLine("--rabbitmq, --rabbitmq-management and --postgres are for --mode distributed; the embedded mode needs no server.");
                return SnowOpsCli.BadInput;
            }
            RabbitEndpoint? broker = null;
            string? database = null;
            if (distributed && !StormInfrastructure.TryRead(rabbitText, managementText, postgresText, error, out broker, out database))
                return SnowOpsCli.BadInput;

            var city = StormCity.For(parse.GetValue(crews), parse.GetValue(tasks));
            StormBench.Result result;
            try
            {
                await using var target = distributed ? await StormTarget.DistributedAsync(broker!, database!, cancellationToken) : StormTarget.Embedded();
                result = await StormBench.RunAsync(city, target, error, cancellationToken);
            }
            catch (StormSetupException e)
            {
                error.WriteLine(e.Message);
                return SnowOpsCli.BadInput;
            }
            catch (TimeoutException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
            StormReport.Write(output, result);
            if (result.Complete)
                return 0;
            StormReport.WriteShortfall(error, result);
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
