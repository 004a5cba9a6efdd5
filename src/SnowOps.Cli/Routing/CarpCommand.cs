using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SnowOps.Optimizer.Carp;

namespace SnowOps.Cli.Routing;

/// <summary>
/// <c>snowops route carp FILE --seconds S [--seed N] [--json]</c>: solves one classic CARP file and prints the routes,
/// as one JSON object (the contract other tools read) or as a short summary. Exit codes: 0 solved, 2 bad input,
/// 3 the solver's answer failed the validator.
/// </summary>
public static class CarpCommand
{
    public const int InvalidSolution = 3;

    /// <summary>camelCase keys, one line: <c>{"instance":…,"cost":…,"seconds":…,"routes":[{"load","cost","services"}]}</c>.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var file = new Argument<FileInfo>("instance") { Description = "A CARPLIB .dat file (gdb, val, egl, bmcv, kshs)." };
        var seconds = RouteCommand.Seconds("Time limit for the search.", 10);
        var seed = RouteCommand.Seed();
        var json = new Option<bool>("--json") { Description = "Print one JSON object: instance, cost, seconds, routes." };
        var command = new Command("carp", "Solve one classic CARP instance and print its routes.") { file, seconds, seed, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!.FullName;
            if (!TryRead(path, error, out var instance))
                return Task.FromResult(SnowOpsCli.BadInput);

            CarpAttempt attempt;
            try
            {
                attempt = CarpAttempt.SnowOps(instance, TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(seed), cancellationToken);
            }
            catch (ArgumentException e)
            {
                // The file reads but cannot be solved: a required edge out of reach or heavier than a vehicle.
                error.WriteLine($"{instance.Name}: {e.Message}");
                return Task.FromResult(SnowOpsCli.BadInput);
            }
            if (!attempt.Valid)
            {
                error.WriteLine($"{instance.Name}: the solver's answer is {attempt.Failure}");
                return Task.FromResult(InvalidSolution);
            }
            var answer = attempt.Answer!;
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(answer, Json));
            else
                Summarise(output, answer);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Reads a CARP file, or says on <paramref name="error"/> why it cannot.</summary>
    internal static bool TryRead(string path, TextWriter error, out CarpInstance instance)
    {
        instance = null!;
        try
        {
            instance = CarpFile.Read(path);
            return true;
        }
        catch (CarpFormatException e)
        {
            error.WriteLine($"{path}: not a CARP file: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot be read: {e.Message}");
        }
        return false;
    }

    static void Summarise(TextWriter output, CarpAnswer answer)
    {
        output.WriteLine(Invariant($"{answer.Instance}: cost {answer.Cost}, {answer.Routes.Count} routes, {answer.Seconds:0.0} s, checked by the validator."));
        for (var r = 0; r < answer.Routes.Count; r++)
        {
            var route = answer.Routes[r];
            var services = string.Join(" ", route.Services.Select(s => $"{s[0]}-{s[1]}"));
            output.WriteLine(Invariant($"  route {r + 1}: load {route.Load}, cost {route.Cost}: {services}"));
        }
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
