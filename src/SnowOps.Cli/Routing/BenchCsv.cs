using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary>The per-instance results as CSV, one line per instance, for spreadsheets and later comparisons.</summary>
public static class BenchCsv
{
    const string Header =
        "set,instance,bks,snowops_cost,snowops_gap_pct,snowops_seconds,snowops_status,ortools_cost,ortools_gap_pct,ortools_seconds,ortools_status";

    public static void Write(string path, IReadOnlyList<BenchRow> rows)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        foreach (var row in rows)
            writer.WriteLine(string.Join(",", [Text(row.Set), Text(row.Instance), Number(row.Bks), .. Cells(row, row.SnowOps), .. Cells(row, row.OrTools)]));
    }

    static IEnumerable<string> Cells(BenchRow row, CarpAttempt? attempt) =>
    [
        Number(attempt?.Cost),
        row.Gap(attempt)?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
        attempt?.Answer is null ? "" : attempt.Seconds.ToString("0.###", CultureInfo.InvariantCulture),
        Text(attempt switch { null => "not run", { Valid: true } => "valid", _ => row.Unreadable ?? attempt.Failure! }),
    ];

    static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quotes a cell that holds a comma, quote or line break, as RFC 4180 asks.</summary>
    static string Text(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
