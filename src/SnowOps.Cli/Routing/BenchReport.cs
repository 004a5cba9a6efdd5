using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary>The benchmark's tables: one row per instance, then one per set (and all sets) with mean and worst gaps.</summary>
public static class BenchReport
{
    public static void Write(TextWriter output, IReadOnlyList<BenchRow> rows, bool baseline, bool markdown)
    {
        Instances(rows, baseline).Write(output, markdown);
        output.WriteLine();
        Sets(rows, baseline).Write(output, markdown);
        var failures = rows.SelectMany(Failures).ToList();
        if (failures.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine($"{failures.Count} failure(s), not counted in the gaps:");
        foreach (var failure in failures)
            output.WriteLine("- " + failure);
    }

    static TextTable Instances(IReadOnlyList<BenchRow> rows, bool baseline)
    {
        string[] ours = ["set", "instance", "SnowOps", "BKS", "gap %", "s"];
        var table = new TextTable(baseline ? [.. ours, "OR-Tools", "gap %", "s"] : ours);
        foreach (var row in rows)
        {
            string[] cells = [row.Set, row.Instance, Cost(row.SnowOps), Number(row.Bks), Percent(row.Gap(row.SnowOps)), Seconds(row.SnowOps)];
            table.Add(baseline ? [.. cells, Cost(row.OrTools), Percent(row.Gap(row.OrTools)), Seconds(row.OrTools)] : cells);
        }
        return table;
    }

    static TextTable Sets(IReadOnlyList<BenchRow> rows, bool baseline)
    {
        string[] ours = ["set", "n", "SnowOps mean gap %", "worst %", "hits BKS"];
        var table = new TextTable(baseline ? [.. ours, "OR-Tools mean gap %", "worst %", "hits BKS", "SnowOps better/tie/worse", "failures"] : [.. ours, "failures"])
        {
            LeftColumns = 1,
        };
        var groups = rows.GroupBy(r => r.Set).Select(g => (g.Key, Rows: g.ToList())).ToList();
        if (groups.Count > 1)
            groups.Add(("all", rows.ToList()));
        foreach (var (set, members) in groups)
        {
            string[] cells = [set, members.Count.ToString(CultureInfo.InvariantCulture), .. Gaps(members, r => r.SnowOps)];
            var failures = members.Sum(r => (r.SnowOps.Valid ? 0 : 1) + (r.OrTools is { Valid: false } ? 1 : 0)).ToString(CultureInfo.InvariantCulture);
            table.Add(baseline ? [.. cells, .. Gaps(members, r => r.OrTools), Versus(members), failures] : [.. cells, failures]);
        }
        return table;
    }

    /// <summary>Mean gap, worst gap and BKS hits over the instances that have both a valid cost and a best-known one.</summary>
    static string[] Gaps(List<BenchRow> rows, Func<BenchRow, CarpAttempt?> solver)
    {
        var gaps = rows.Select(r => r.Gap(solver(r))).OfType<double>().ToList();
        return
        [
            Percent(gaps.Count > 0 ? gaps.Average() : null),
            Percent(gaps.Count > 0 ? gaps.Max() : null),
            rows.Count(r => r.HitsBks(solver(r))).ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>On how many instances SnowOps is cheaper than, as cheap as, or dearer than OR-Tools (both valid).</summary>
    static string Versus(List<BenchRow> rows)
    {
        var both = rows.Where(r => r.SnowOps.Cost is not null && r.OrTools?.Cost is not null).Select(r => r.SnowOps.Cost!.Value.CompareTo(r.OrTools!.Cost!.Value)).ToList();
        return $"{both.Count(c => c < 0)}/{both.Count(c => c == 0)}/{both.Count(c => c > 0)}";
    }

    static IEnumerable<string> Failures(BenchRow row)
    {
        if (row.Unreadable is { } reason)
        {
            yield return $"{row.Set}/{row.Instance}: {reason}";
            yield break;
        }
        if (!row.SnowOps.Valid)
            yield return $"{row.Set}/{row.Instance}, SnowOps: {row.SnowOps.Failure}";
        if (row.OrTools is { Valid: false } theirs)
            yield return $"{row.Set}/{row.Instance}, OR-Tools: {theirs.Failure}";
    }

    /// <summary>A valid cost, or a short word for why there is none (the reason is listed under the tables).</summary>
    static string Cost(CarpAttempt? attempt) => attempt switch
    {
        null => "",
        { Cost: { } cost } => cost.ToString(CultureInfo.InvariantCulture),
        { Failure: { } failure } when failure.StartsWith("invalid", StringComparison.Ordinal) => "INVALID",
        _ => "FAILED",
    };

    static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    static string Percent(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    static string Seconds(CarpAttempt? attempt) => attempt?.Answer is null ? "" : attempt.Seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
