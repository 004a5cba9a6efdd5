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

    public static IReadOnlyList<CapAlert> Parse(Stream document)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new AlertRejected($"The body is not valid JSON: {e.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            return type switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array =>
                    features.EnumerateArray().Select(Feature).ToList(),
                "Feature" => [Feature(root)],
                _ => throw new AlertRejected("A JSON alert must be a GeoJSON Feature or FeatureCollection as the NWS alerts API serves."),
            };
        }
    }

    static CapAlert Feature(JsonElement feature)
    {
        if (!feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            throw new AlertRejected("A GeoJSON alert feature has no properties.");
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
            Area: Geometry(feature),
            Geocodes: Geocodes(p));
        return new CapAlert(
            Identifier: Text(p, "id", required: true)!,
            Sender: Text(p, "sender", required: true)!,
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
    static List<string> Geocodes(JsonElement properties) =>
        properties.TryGetProperty("geocode", out var geocode) && geocode.ValueKind == JsonValueKind.Object
            ? geocode.EnumerateObject()
                .Where(kind => kind.Value.ValueKind == JsonValueKind.Array)
                .SelectMany(kind => kind.Value.EnumerateArray()
                    .Where(v => v.ValueKind == JsonValueKind.String)
                    .Select(v => $"{kind.Name}={v.GetString()}"))
                .Distinct()
                .ToList()
            : [];

    static Geometry? Geometry(JsonElement feature)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
            return null;
        try
        {
            var parsed = geometry.Deserialize<Geometry>(GeoJson);
            if (parsed is null)
                return null;
            parsed.SRID = 4326;
            return parsed;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new AlertRejected($"The alert's geometry is not valid GeoJSON: {e.Message}");
        }
    }

    static string? Text(JsonElement parent, string name, bool required = false)
    {
        var value = parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()?.Trim()
            : null;
        if (required && string.IsNullOrEmpty(value))
            throw new AlertRejected($"The alert has no '{name}'.");
        return string.IsNullOrEmpty(value) ? null : value;
    }

    static DateTimeOffset? Time(JsonElement parent, string name)
    {
        var text = Text(parent, name);
        if (text is null)
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new AlertRejected($"'{name}' is '{text}', which is not an ISO 8601 date-time.");
    }
}
