using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary><c>snowops route</c>: plow routes on classic arc routing (CARP) instances and generated cities.</summary>
public static class RouteCommand
{
    public static Command Create() =>
        new("route", "Plow routes: solve CARP instances, benchmark the solver, plan generated cities.")
        {
            CarpCommand.Create(), CarpBenchCommand.Create(), ScaleCommand.Create(),
        };

    /// <summary>The time limit shared by both subcommands, refused at parse time when it is not a sensible number.</summary>
    internal static Option<double> Seconds(string description, double byDefault) =>
        new("--seconds")
        {
            Description = description,
            DefaultValueFactory = _ => byDefault,
            CustomParser = result => Parse<double>(result, "--seconds", "a number of seconds more than 0 and at most 3600",
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 3600 ? value : null),
        };

    internal static Option<int> Seed() =>
        new("--seed")
        {
            Description = "Random seed for SnowOps' solver: the same seed and instance give the same search.",
            DefaultValueFactory = _ => 1,
            CustomParser = result => Parse<int>(result, "--seed", "a whole number",
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null),
        };

    internal static Option<int> Parallel() =>
        new("--parallel")
        {
            Description = "Instances run at once; each solver uses one thread.",
            DefaultValueFactory = _ => 1,
            CustomParser = result => Parse<int>(result, "--parallel", "a whole number from 1 to 64",
                text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 64 ? value : null),
        };

    /// <summary>
    /// Parses the option's value or records why not. A parser, not a validator: System.CommandLine runs validators even
    /// after a conversion failed, and reading the value there throws instead of reporting.
    /// </summary>
    internal static T Parse<T>(ArgumentResult result, string name, string expected, Func<string, T?> parse) where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (parse(text) is { } value)
            return value;
        result.AddError($"{name} must be {expected}, found '{text}'.");
        return default;
    }
}
