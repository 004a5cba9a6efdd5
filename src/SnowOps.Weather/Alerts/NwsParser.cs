using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SnowOps.Weather.Alerts;

/// <summary>
/// Reads the NWS alerts API's GeoJSON (a FeatureCollection or one Feature); its properties carry the CAP
/// fields. Geometry is often null there: the areas are then named by zone codes only.
/// </summary>
public static class NwsParser
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The length of the sender and identifier columns; longer ones would fail in the database, not here.</summary>
    const int MaxKeyLength = 512;

    public static IReadOnlyList<CapAlert> Parse(Stream document, AlertLimits? limits = null)
    {
        limits ??= AlertLimits.Default;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new AlertRejected($"The body is not valid JSON: {e.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            var type = root.ValueKind == JsonValueKind.Object ? Text(root, "type") : null;
            return type switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array =>
                    features.GetArrayLength() <= limits.MaxInfos
                        ? features.EnumerateArray().Select(f => Feature(f, limits)).ToList()
                        : throw new AlertRejected($"The collection has {features.GetArrayLength()} alerts; SnowOps takes at most {limits.MaxInfos} at once."),
                "Feature" => [Feature(root, limits)],
                _ => throw new AlertRejected("A JSON alert must be a GeoJSON Feature or FeatureCollection as the NWS alerts API serves."),
            };
        }
    }

    static CapAlert Feature(JsonElement feature, AlertLimits limits)
    {
        if (feature.ValueKind != JsonValueKind.Object)
            throw new AlertRejected($"A GeoJSON alert feature is an object; this one is {feature.ValueKind}.");
        if (!feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            throw new AlertRejected("A GeoJSON alert feature has no properties.");
        var notes = new List<string>();
        var info = new CapInfo(
            Language: "en-US",
            Event: Text(p, "event", required: true)!,
            Severity: Text(p, "severity") ?? "Unknown",
            Headline: Text(p, "headline"),
            Onset: Time(p, "onset") ?? Time(p, "effective"),
            Expires: Time(p, "ends") ?? Time(p, "expires"),
            EventCodes: new Dictionary<string, string>(),
            Parameters: new Dictionary<string, string>(),
            AreaDescription: Text(p, "areaDesc"),
            Area: Geometry(feature, limits, notes),
            Geocodes: Geocodes(p))
        {
            Notes = notes,
        };
        return new CapAlert(
            Identifier: Key(p, "id"),
            Sender: Key(p, "sender"),
            Sent: Time(p, "sent") ?? throw new AlertRejected("The alert has no 'sent' time."),
            Status: Text(p, "status") ?? "Actual",
            MsgType: Text(p, "messageType") ?? "Alert",
            Scope: "Public",
            References: References(p),
            Infos: [info]);
    }

    static List<CapReference> References(JsonElement properties) =>
        properties.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
            ? references.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object)
                .Select(r => new CapReference(Text(r, "sender") ?? "", Text(r, "identifier") ?? ""))
                .Where(r => r.Identifier.Length > 0)
                .ToList()
            : [];

    /// <summary>NWS names areas by UGC zone and SAME county codes: { "UGC": ["MNZ053"], "SAME": ["027053"] }.</summary>
    static List<string> Geocodes(JsonElement properties)
    {
        if (!properties.TryGetProperty("geocode", out var geocode) || geocode.ValueKind != JsonValueKind.Object)
            return [];
        try
        {
            var codes = new List<string>();
            foreach (var kind in geocode.EnumerateObject().Where(kind => kind.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var value in kind.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
                    codes.Add($"{kind.Name.Trim()}={value.GetString()?.Trim()}");
            }
            return codes.Any(code => code.Any(char.IsControl))
                ? throw new AlertRejected("A geocode contains control characters.")
                : codes.Distinct().ToList();
        }
        catch (InvalidOperationException)
        {
            // JSON may escape half a surrogate pair ("\ud800") or carry bytes that are not UTF-8.
            throw new AlertRejected("A geocode is not valid Unicode text.");
        }
    }

    static Geometry? Geometry(JsonElement feature, AlertLimits limits, List<string> notes)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
            return null;
        Geometry? parsed;
        try
        {
            parsed = geometry.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new AlertRejected($"The alert's geometry is not valid GeoJSON: {e.Message}");
        }
        if (parsed is null)
            return null;
        if (parsed is not (Polygon or MultiPolygon))
            throw new AlertRejected($"An alert's geometry is a Polygon or MultiPolygon; this one is a {parsed.GeometryType}.");
        AreaChecks.Size(parsed.NumGeometries, parsed.NumPoints, limits);
        foreach (var c in parsed.Coordinates)
            AreaChecks.Coordinate(c.Y, c.X, $"[{c.X.ToString(CultureInfo.InvariantCulture)}, {c.Y.ToString(CultureInfo.InvariantCulture)}]");
        parsed.SRID = 4326;
        return AreaChecks.Repair(parsed, "the alert's polygon", notes);
    }

    static string Key(JsonElement parent, string name)
    {
        var value = Text(parent, name, required: true)!;
        return value.Length <= MaxKeyLength
            ? value
            : throw new AlertRejected($"'{name}' is {value.Length} characters long; SnowOps takes at most {MaxKeyLength}.");
    }

    static string? Text(JsonElement parent, string name, bool required = false)
    {
        string? value = null;
        if (parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            try
            {
                value = element.GetString()?.Trim();
            }
            catch (InvalidOperationException)
            {
                // JSON may escape half a surrogate pair ("\ud800"), which is no text at all.
                throw new AlertRejected($"'{name}' is not valid Unicode text.");
            }
        }
        // PostgreSQL text cannot hold NUL, and no agency field needs control characters.
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            throw new AlertRejected($"'{name}' contains control characters.");
        if (required && string.IsNullOrEmpty(value))
            throw new AlertRejected($"The alert has no '{name}'.");
        return string.IsNullOrEmpty(value) ? null : value;
    }

    static DateTimeOffset? Time(JsonElement parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
            return null;
        return AlertTimes.Parse(text)
            ?? throw new AlertRejected($"'{name}' is '{CapArea.Shorten(text)}', which is not an ISO 8601 date-time between {AlertTimes.Earliest.Year} and {AlertTimes.Latest.Year}.");
    }
}
