namespace SnowOps.Cli.Messages;

/// <summary>A reason to stop that the user can act on, with the exit code it ends in (2: bad input, 1: the broker).</summary>
public sealed class MessagesRefused(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static MessagesRefused BadInput(string message) => new(SnowOpsCli.BadInput, message);

    public static MessagesRefused Broker(string message) => new(1, message);
}
