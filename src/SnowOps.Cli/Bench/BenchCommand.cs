using System.CommandLine;
using System.Globalization;

namespace SnowOps.Cli.Bench;

/// <summary><c>snowops bench alerts</c>: alert parsing throughput and POST-to-read-model latency, printed as tables.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo>("--samples") { Description = "Folder of real CAP 1.2 documents to parse.", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "How long each parse measurement runs.", DefaultValueFactory = _ => 5 };
        var weather = new Option<string?>("--weather") { Description = "Base URL of a host running Weather (for the latency run)." };
        var status = new Option<string?>("--status") { Description = "Base URL of a host running Status (defaults to --weather)." };
        var alertToken = new Option<string?>("--alert-token") { Description = "Token with the alert-source role." };
        var readToken = new Option<string?>("--read-token") { Description = "Token with the committee role." };
        var count = new Option<int>("--count") { Description = "Alerts to send for the latency run.", DefaultValueFactory = _ => 200 };
        var rate = new Option<double>("--rate") { Description = "Alerts per second for the latency run.", DefaultValueFactory = _ => 20 };
        var mode = new Option<string>("--mode") { Description = "Label for the latency row (embedded, distributed).", DefaultValueFactory = _ => "host" };
        var alerts = new Command("alerts", "Alerts parsed and normalised per second on one thread, and p50/p95/p99 from POST to the read model.")
        {
            samples, seconds, weather, status, alertToken, readToken, count, rate, mode,
        };
        alerts.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(samples)!;
            var documents = folder.Exists
                ? folder.EnumerateFiles("*.xml").Where(f => !f.Name.StartsWith("negative-", StringComparison.Ordinal)).OrderBy(f => f.Name)
                    .Select(f => File.ReadAllBytes(f.FullName)).ToList()
                : [];
            if (documents.Count == 0)
            {
                Console.Error.WriteLine($"No CAP documents in {folder.FullName}.");
                return 2;
            }
            var duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 0.5, 600));
            PrintParse(documents.Count, ParseBench.Run(documents, duration));

            if (parse.GetValue(weather) is not { } weatherText)
                return 0;
            var statusText = parse.GetValue(status) ?? weatherText;
            if (!Uri.TryCreate(weatherText, UriKind.Absolute, out var weatherUrl) || !Uri.TryCreate(statusText, UriKind.Absolute, out var statusUrl))
            {
                Console.Error.WriteLine("--weather and --status take absolute URLs such as http://127.0.0.1:5080.");
                return 2;
            }
            if (parse.GetValue(alertToken) is not { } alertJwt || parse.GetValue(readToken) is not { } readJwt)
            {
                Console.Error.WriteLine("The latency run needs --alert-token and --read-token.");
                return 2;
            }
            var snow = Path.Combine(folder.FullName, "dwd-leichter-schneefall-alert.xml");
            var document = File.Exists(snow) ? await File.ReadAllTextAsync(snow, cancellationToken) : System.Text.Encoding.UTF8.GetString(documents[0]);
            var result = await LatencyBench.RunAsync(weatherUrl, statusUrl, alertJwt, readJwt, document,
                Math.Clamp(parse.GetValue(count), 1, 100_000), Math.Clamp(parse.GetValue(rate), 0.1, 10_000), cancellationToken);
            PrintLatency(parse.GetValue(mode)!, parse.GetValue(rate), result);
            return result.Arrived == result.Sent ? 0 : 1;
        });
        return new Command("bench", "Benchmarks, printed as tables.") { alerts, StormCommand.Create(), CrewsCommand.Create(), HeatingCommand.Create(), CompletionsCommand.Create() };
    }

    static void PrintParse(int distinct, IReadOnlyList<ParseBench.Result> results)
    {
        Console.WriteLine($"Alert parsing, one thread, {distinct} real CAP documents in rotation:");
        Console.WriteLine();
        Console.WriteLine("| measure | documents/s | MB/s | documents |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(Invariant($"| {r.Name} | {r.PerSecond:N0} | {r.MegabytesPerSecond:N1} | {r.Documents:N0} |"));
        Console.WriteLine(Invariant($"| SnowOps / baseline | {results[0].PerSecond / results[1].PerSecond:P0} | | |"));
        Console.WriteLine();
    }

    static void PrintLatency(string mode, double rate, LatencyBench.Result r)
    {
        Console.WriteLine("POST /api/alerts → WeatherAlertIssued consumed by the Status read model:");
        Console.WriteLine();
        Console.WriteLine("| mode | rate/s | sent | arrived | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| {mode} | {rate:N0} | {r.Sent} | {r.Arrived} | {r.P50:N1} | {r.P95:N1} | {r.P99:N1} | {r.Max:N1} |"));
        Console.WriteLine();
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
