using System.Globalization;

namespace SnowOps.Cli.Routing;

/// <summary>Best-known costs from a <c>bks.csv</c> (columns include <c>set</c>, <c>instance</c> and <c>bks</c>).</summary>
public sealed class BestKnown
{
    readonly Dictionary<(string Set, string Instance), long> bySet;
    readonly Dictionary<string, long?> byName;

    BestKnown(Dictionary<(string, string), long> bySet)
    {
        this.bySet = bySet;
        // A copy of an instance in a folder of another name still finds its cost, unless the name is ambiguous.
        byName = bySet.GroupBy(p => p.Key.Item2, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).Distinct().Count() == 1 ? g.First().Value : (long?)null, StringComparer.OrdinalIgnoreCase);
    }

    public static BestKnown None { get; } = new([]);

    public int Count => bySet.Count;

    public long? Find(string set, string instance) =>
        bySet.TryGetValue((set.ToUpperInvariant(), instance.ToUpperInvariant()), out var cost) ? cost
        : byName.TryGetValue(instance, out var named) ? named
        : null;

    /// <summary>Reads the file; throws <see cref="FormatException"/> naming the line at fault.</summary>
    public static BestKnown Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
            throw new FormatException($"{path} is empty.");
        var header = lines[0].Split(',').Select(c => c.Trim()).ToList();
        int set = header.IndexOf("set"), instance = header.IndexOf("instance"), bks = header.IndexOf("bks");
        if (set < 0 || instance < 0 || bks < 0)
            throw new FormatException($"{path}: the header needs the columns set, instance and bks.");
        var costs = new Dictionary<(string, string), long>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(bks, Math.Max(set, instance)) || !long.TryParse(cells[bks].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cost))
                throw new FormatException($"{path}, line {i + 1}: expected a whole number in the bks column.");
            costs[(cells[set].Trim().ToUpperInvariant(), cells[instance].Trim().ToUpperInvariant())] = cost;
        }
        return new BestKnown(costs);
    }

    /// <summary>The default file: <c>bks.csv</c> in the benchmark folder, beside it, or in its parent's parent.</summary>
    public static string? Locate(DirectoryInfo folder)
    {
        var dir = folder;
        for (var up = 0; up < 3 && dir is not null; up++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bks.csv");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
