using System.Text;
using SnowOps.Testing;

namespace SnowOps.IntegrationTests.Fuzz;

/// <summary>
/// Ways a registry file arrives broken: cells swapped for hostile values, quotes left open, rows cut, doubled or widened,
/// the header lost, separators and line ends mixed, a byte-order mark in the middle, bytes flipped.
/// </summary>
public static class CsvMutations
{
    public static byte[] Apply(string csv, Random random, List<string> done)
    {
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            var row = random.Next(lines.Count);
            var cells = lines[row].Split(',').ToList();
            switch (random.Next(9))
            {
                case 0:
                    var cell = random.Next(cells.Count);
                    cells[cell] = HostileValues.Text[random.Next(HostileValues.Text.Length)].Replace("\n", " ", StringComparison.Ordinal);
                    lines[row] = string.Join(',', cells);
                    done.Add($"row {row} cell {cell} hostile");
                    break;
                case 1:
                    lines[row] = lines[row] + ",\"open quote";
                    done.Add($"row {row} quote left open");
                    break;
                case 2:
                    lines[row] = lines[row][..random.Next(lines[row].Length + 1)];
                    done.Add($"row {row} cut");
                    break;
                case 3:
                    lines.Insert(row, lines[row]);
                    done.Add($"row {row} doubled");
                    break;
                case 4:
                    lines[row] = lines[row] + ",extra,cells";
                    done.Add($"row {row} widened");
                    break;
                case 5:
                    lines.RemoveAt(0);
                    if (lines.Count == 0)
                        lines.Add("");
                    done.Add("header removed");
                    break;
                case 6:
                    lines[row] = lines[row].Replace(',', random.Next(2) == 0 ? ';' : '\t');
                    done.Add($"row {row} other separator");
                    break;
                case 7:
                    lines[row] = "\uFEFF=HYPERLINK(\"http://x\")," + lines[row];
                    done.Add($"row {row} BOM and formula");
                    break;
                default:
                    lines.AddRange(Enumerable.Repeat(lines[row], 500));
                    done.Add($"row {row} repeated 500 times");
                    break;
            }
        }
        var bytes = Encoding.UTF8.GetBytes(string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines));
        if (random.Next(4) == 0 && bytes.Length > 0)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            done.Add("a bit flipped");
        }
        return bytes;
    }
}
