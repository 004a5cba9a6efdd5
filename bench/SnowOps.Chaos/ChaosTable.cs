using System.Globalization;
using System.Text;

namespace SnowOps.Chaos;

/// <summary>The table ops/chaos.sh prints and keeps in ops/bench/chaos.md.</summary>
public static class ChaosTable
{
    public static string Render(IReadOnlyList<FaultOutcome> rows, int events)
    {
        var table = new StringBuilder();
        table.AppendLine("| fault | events sent | bot re-sends | completions published | events stored | duplicates | lost | wrong state | in error queues | recovery s | drain s | result |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {ChaosOptions.Describe(row.Fault)} | {row.Sent:N0} | {row.Retries:N0} | {row.Published:N0} | {row.Books.Stored:N0} | {row.Books.Duplicates:N0} | {row.Books.Lost:N0} | {row.Books.WrongState:N0} | {row.Failed:N0} | {Seconds(row.Fault == Fault.None ? null : row.Recovery, row.Fault != Fault.None)} | {Seconds(row.Drain, true)} | {(row.Passed(events) ? "pass" : "FAIL")} |"));
        }
        return table.ToString();
    }

    static string Seconds(TimeSpan? span, bool expected) =>
        span is { } s ? s.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : expected ? "never" : "–";
}
