using System.CommandLine;
using RabbitMQ.Client.Exceptions;

namespace SnowOps.Cli.Messages;

/// <summary><c>snowops messages</c>: the error and skipped queues, and a way to look into them, replay or purge them.</summary>
public static class MessagesCommand
{
    public static Command Create() =>
        new("messages", "Failed messages: list the error and skipped queues, show, replay or purge their messages.")
        {
            ListCommand.Create(), ShowCommand.Create(), ReplayCommand.Create(), PurgeCommand.Create(),
        };

    internal static Argument<string> QueueArgument() =>
        new("queue") { Description = "An error or skipped queue, e.g. snowops-status-projection_error." };

    /// <summary>A subcommand with the broker options, whose action's refusals become exit codes and a line on the error stream.</summary>
    internal static Command Build(string name, string description, IEnumerable<Symbol> symbols,
        Func<ParseResult, BrokerAddress, TextWriter, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
                command.Arguments.Add(argument);
            else if (symbol is Option option)
                command.Options.Add(option);
        }
        var broker = new BrokerOptions();
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                return await run(parse, broker.Resolve(parse), parse.InvocationConfiguration.Output, cancellationToken);
            }
            catch (MessagesRefused e)
            {
                error.WriteLine(e.Message);
                return e.ExitCode;
            }
            catch (Exception e) when (e is RabbitMQClientException or IOException or TimeoutException)
            {
                error.WriteLine($"The broker failed the command: {Broker.Innermost(e)}");
                return 1;
            }
        });
        return command;
    }
}
