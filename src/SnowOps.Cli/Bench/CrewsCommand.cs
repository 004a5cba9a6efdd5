using System.CommandLine;
using System.Globalization;
using SnowOps.Cli.Routing;

namespace SnowOps.Cli.Bench;

/// <summary>
/// <c>snowops bench crews [--crews 1000]</c>: a task card to each of N crews through CrewBot's outbound queue, against a
/// local Bot API server that keeps Telegram's limits, beside the ceiling those limits allow; printed as a Markdown table.
/// Exit codes: 0 every card arrived, 1 the run stalled short of that, 2 bad options.
/// </summary>
public static class CrewsCommand
{
    public static Command Create()
    {
        var crews = new Option<int>("--crews")
        {
            Description = "Crews, one member and one chat each, each assigned one task.",
            DefaultValueFactory = _ => 1000,
            CustomParser = result => RouteCommand.Parse<int>(result, "--crews", "a whole number from 1 to 100000",
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100_000 ? value : null),
        };
        var command = new Command("crews", "Task cards to N crews through CrewBot's outbound queue, against a Bot API server that keeps Telegram's limits.")
        {
            crews,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var result = await CrewsBench.RunAsync(parse.GetValue(crews), error, cancellationToken);
            Write(output, result);
            if (result.Complete)
                return 0;
            error.WriteLine(Invariant($"The run stopped short: {result.Messages:N0} of {result.Crews:N0} cards arrived."));
            return 1;
        });
        return command;
    }

    public static void Write(TextWriter output, CrewsBench.Result r)
    {
        var limit = CrewsBench.TelegramPerSecond;
        output.WriteLine(Invariant(
            $"Task cards to crews: {r.Crews:N0} crews with one chat each, one task assigned to each at once, through CrewBot (embedded: in-memory bus, SQLite) to a local Bot API server that answers 429 beyond {limit} messages in any second or one a second to a chat."));
        output.WriteLine();
        var table = new TextTable("", "messages", "time to last card (s)", "messages/s", "429s received", "max messages in any 1 s", "max per chat in any 1 s")
        {
            LeftColumns = 1,
        };
        table.Add(Invariant($"rate-limit ceiling ({r.Crews:N0} / {limit} per s)"), Invariant($"{r.Crews:N0}"),
            Invariant($"{(double)r.Crews / limit:N2}"), Invariant($"{limit:N1}"), "0", Invariant($"{limit}"), "1");
        table.Add("SnowOps", Invariant($"{r.Messages:N0}"), Invariant($"{r.ToLastCard.TotalSeconds:N2}"), Invariant($"{r.PerSecond:N1}"),
            Invariant($"{r.TooManyRequests:N0}"), Invariant($"{r.MaxPerSecond}"), Invariant($"{r.MaxPerChatPerSecond}"));
        table.Write(output, markdown: true);
        output.WriteLine();
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
