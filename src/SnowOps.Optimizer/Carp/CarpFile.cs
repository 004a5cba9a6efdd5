using System.Globalization;
using System.Text.RegularExpressions;

namespace SnowOps.Optimizer.Carp;

/// <summary>Reads the CARPLIB <c>.dat</c> format (Spanish keywords; see <c>carp/FORMAT.md</c>).</summary>
public static partial class CarpFile
{
    /// <summary>Reads a file; its name (without extension) is the instance name, since NOMBRE is unreliable.</summary>
    public static CarpInstance Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileNameWithoutExtension(path));
    }

    public static CarpInstance Read(TextReader reader, string name)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var edges = new List<CarpEdge>();
        var section = "";
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var edge = EdgeLine().Match(line);
            if (edge.Success)
            {
                edges.Add(ReadEdge(edge, section, number));
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                throw new CarpFormatException($"Line {number}: expected 'KEY : value' or '( u, v) coste c [demanda d]', found '{line.Trim()}'.");
            var key = line[..colon].Trim();
            header[key] = line[(colon + 1)..].Trim();
            section = key;
        }

        var vertices = Number(header, "VERTICES", 1);
        var required = Number(header, "ARISTAS_REQ", 0);
        var optional = header.ContainsKey("ARISTAS_NOREQ") ? Number(header, "ARISTAS_NOREQ", 0) : 0;
        var capacity = Number(header, "CAPACIDAD", 1);
        var vehicles = header.ContainsKey("VEHICULOS") ? Number(header, "VEHICULOS", 0) : 0;
        var depot = Number(header, "DEPOSITO", 1);
        if (depot > vertices)
            throw new CarpFormatException($"DEPOSITO {depot} is not one of the {vertices} vertices.");
        Check(edges, vertices, required, optional, capacity);
        return new CarpInstance(name, vertices, depot, capacity, vehicles, edges);
    }

    static CarpEdge ReadEdge(Match match, string section, int number)
    {
        var isRequired = section switch
        {
            "LISTA_ARISTAS_REQ" => true,
            "LISTA_ARISTAS_NOREQ" => false,
            _ => throw new CarpFormatException($"Line {number}: an edge outside LISTA_ARISTAS_REQ or LISTA_ARISTAS_NOREQ."),
        };
        var u = Parse(match.Groups["u"].Value, number);
        var v = Parse(match.Groups["v"].Value, number);
        var cost = Parse(match.Groups["cost"].Value, number);
        var demand = match.Groups["demand"].Success ? Parse(match.Groups["demand"].Value, number) : 0;
        if (isRequired && demand <= 0)
            throw new CarpFormatException($"Line {number}: a required edge needs 'demanda' greater than 0.");
        if (!isRequired && demand != 0)
            throw new CarpFormatException($"Line {number}: a non-required edge has a demand.");
        if (cost < 0)
            throw new CarpFormatException($"Line {number}: the cost is negative.");
        return new CarpEdge(u, v, cost, demand, isRequired);
    }

    static void Check(List<CarpEdge> edges, int vertices, int required, int optional, int capacity)
    {
        if (edges.Count(e => e.Required) != required)
            throw new CarpFormatException($"ARISTAS_REQ says {required} required edges, the file lists {edges.Count(e => e.Required)}.");
        if (edges.Count(e => !e.Required) != optional)
            throw new CarpFormatException($"ARISTAS_NOREQ says {optional} other edges, the file lists {edges.Count(e => !e.Required)}.");
        foreach (var e in edges)
        {
            if (e.U < 1 || e.U > vertices || e.V < 1 || e.V > vertices)
                throw new CarpFormatException($"Edge ({e.U}, {e.V}) names a vertex outside 1..{vertices}.");
            if (e.Demand > capacity)
                throw new CarpFormatException($"Edge ({e.U}, {e.V}) needs {e.Demand}, more than CAPACIDAD {capacity}.");
        }
    }

    static int Number(Dictionary<string, string> header, string key, int least)
    {
        if (!header.TryGetValue(key, out var text))
            throw new CarpFormatException($"The file has no {key} line.");
        // Some COMENTARIO-style values carry a trailing dot ("3625."); numeric fields must be whole numbers.
        var token = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < least)
            throw new CarpFormatException($"{key} must be a whole number of at least {least}, found '{text}'.");
        return value;
    }

    static int Parse(string text, int number) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CarpFormatException($"Line {number}: '{text}' is not a whole number.");

    [GeneratedRegex(@"^\s*\(\s*(?<u>-?\d+)\s*,\s*(?<v>-?\d+)\s*\)\s*coste\s+(?<cost>-?\d+)(\s+demanda\s+(?<demand>-?\d+))?\s*$")]
    private static partial Regex EdgeLine();
}
