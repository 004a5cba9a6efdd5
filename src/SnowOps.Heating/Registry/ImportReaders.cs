using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Heating.Registry;

/// <summary>The rows of an import file, and what was wrong with the file's shape row by row.</summary>
public sealed record ImportFile(IReadOnlyList<ImportRow> Rows, IReadOnlyList<RowProblem> Problems);

/// <summary>Turns CSV (RFC 4180, a header line first) and JSON / GeoJSON bodies into import rows.</summary>
public static class ImportReaders
{
    static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), Wgs84.Srid)) },
    };

    /// <summary>Reads CSV; throws <see cref="FormatException"/> when the text is not CSV at all (no header, an unclosed quote).</summary>
    public static ImportFile Csv(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = bad => throw new FormatException($"CSV line {bad.Context.Parser?.RawRow}: a quote is out of place ({bad.Field})."),
            DetectDelimiter = false,
        };
        using var parser = new CsvParser(reader, configuration);
        var rows = new List<ImportRow>();
        var problems = new List<RowProblem>();
        try
        {
            if (!parser.Read() || parser.Record is not { Length: > 0 } header)
                throw new FormatException("The CSV has no header line.");
            var names = header.Select(ImportRow.Normalise).ToArray();
            if (names.Distinct().Count() != names.Length)
                throw new FormatException("The CSV header names a column twice.");
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace))
                    continue;
                var number = rows.Count + problems.Count + 1;
                if (record.Length != names.Length)
                {
                    problems.Add(new RowProblem(number, [$"has {record.Length} fields; the header has {names.Length}"]));
                    continue;
                }
                var fields = new Dictionary<string, string?>();
                for (var i = 0; i < names.Length; i++)
                    fields[names[i]] = record[i];
                rows.Add(new ImportRow(number, fields));
            }
        }
        catch (CsvHelperException e)
        {
            throw new FormatException($"The CSV cannot be read: {e.Message.Split('\n')[0]}", e);
        }
        return new ImportFile(rows, problems);
    }

    /// <summary>
    /// Reads a GeoJSON FeatureCollection (or one Feature), a JSON array of objects, or one object; throws
    /// <see cref="JsonException"/> when the body is not JSON.
    /// </summary>
    public static ImportFile Json(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        IEnumerable<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when TypeOf(root) == "FeatureCollection" =>
                root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
                    ? features.EnumerateArray()
                    : throw new JsonException("A FeatureCollection needs a 'features' array."),
            JsonValueKind.Object => [root],
            _ => throw new JsonException("Expected a GeoJSON FeatureCollection, a JSON array of objects or one object."),
        };
        var rows = new List<ImportRow>();
        var problems = new List<RowProblem>();
        var number = 0;
        foreach (var item in items)
        {
            number++;
            if (Row(number, item, out var problem) is { } row)
                rows.Add(row);
            else
                problems.Add(new RowProblem(number, [problem!]));
        }
        return new ImportFile(rows, problems);
    }

    static ImportRow? Row(int number, JsonElement item, out string? problem)
    {
        problem = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = "is not a JSON object";
            return null;
        }
        var feature = TypeOf(item) == "Feature";
        var fields = new Dictionary<string, string?>();
        var source = feature ? (item.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default) : item;
        if (source.ValueKind == JsonValueKind.Object)
            foreach (var property in source.EnumerateObject())
                if (!(property.NameEquals("geometry") && property.Value.ValueKind == JsonValueKind.Object))
                    fields[ImportRow.Normalise(property.Name)] = Text(property.Value);
        if (feature && item.TryGetProperty("id", out var id) && !fields.ContainsKey("id"))
            fields["id"] = Text(id);

        Geometry? geometry = null;
        if (item.TryGetProperty("geometry", out var shape) && shape.ValueKind == JsonValueKind.Object)
        {
            try
            {
                geometry = shape.Deserialize<Geometry>(GeoJson);
                if (geometry is not null)
                    geometry.SRID = Wgs84.Srid;
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
            {
                problem = $"geometry is not GeoJSON: {e.Message}";
                return null;
            }
        }
        return new ImportRow(number, fields, geometry);
    }

    static string? TypeOf(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
