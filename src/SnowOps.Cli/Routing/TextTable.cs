namespace SnowOps.Cli.Routing;

/// <summary>A table printed either as aligned plain text for a terminal or as a markdown table for the README.</summary>
public sealed class TextTable(params string[] headers)
{
    readonly List<string[]> rows = [];

    /// <summary>Columns after the first <c>leftColumns</c> hold numbers and are right-aligned.</summary>
    public int LeftColumns { get; init; } = 2;

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"A row needs {headers.Length} cells, got {cells.Length}.", nameof(cells));
        rows.Add(cells);
    }

    public void Write(TextWriter output, bool markdown)
    {
        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", headers) + " |");
            output.WriteLine("|" + string.Join("|", headers.Select((_, c) => c < LeftColumns ? "---" : "---:")) + "|");
            foreach (var row in rows)
                output.WriteLine("| " + string.Join(" | ", row) + " |");
            return;
        }
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) =>
            string.Join("  ", cells.Select((text, c) => c < LeftColumns ? text.PadRight(widths[c]) : text.PadLeft(widths[c]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            output.WriteLine(Line(row));
    }
}
