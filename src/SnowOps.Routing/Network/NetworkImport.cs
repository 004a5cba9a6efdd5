using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SnowOps.Routing.Network;

/// <summary>Reads a GeoJSON FeatureCollection of LineStrings (OSM-style properties) into road segments.</summary>
public static class NetworkImport
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() }, MaxDepth = 64 };

    public static List<RoadSegment> Read(Stream body, PriorityRules rules)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(body, GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new FormatException($"The body is not a GeoJSON FeatureCollection: {e.Message}");
        }
        if (features is null || features.Count == 0)
            throw new FormatException("The FeatureCollection has no features.");

        var segments = new List<RoadSegment>();
        foreach (var feature in features)
        {
            foreach (var line in Lines(feature.Geometry))
            {
                if (line.Coordinates.Any(c => c.Y is < -90 or > 90 || c.X is < -180 or > 180))
                    throw new FormatException("A road has coordinates outside longitude -180..180 / latitude -90..90.");
                line.SRID = 4326;
                var highway = Text(feature.Attributes, "highway") ?? "";
                var bridge = IsTagged(feature.Attributes, "bridge");
                var incline = IsTagged(feature.Attributes, "incline");
                segments.Add(new RoadSegment
                {
                    Name = Text(feature.Attributes, "name"),
                    Highway = highway,
                    PriorityClass = Text(feature.Attributes, "priority") ?? rules.Classify(highway, bridge),
                    NeedsDeIcing = bridge || incline,
                    Geometry = line,
                    LengthMeters = Geodesy.LengthMeters(line),
                });
            }
        }
        if (segments.Count == 0)
            throw new FormatException("No feature has a LineString or MultiLineString geometry.");
        return segments;
    }

    static IEnumerable<LineString> Lines(Geometry? geometry) => geometry switch
    {
        LineString line when line.NumPoints >= 2 => [line],
        MultiLineString multi => multi.Geometries.OfType<LineString>().Where(l => l.NumPoints >= 2),
        _ => [],
    };

    /// <summary>
    /// OSM marks a bridge or slope with many values (yes, viaduct, up, 8%); city files often use true/false.
    /// Only an explicit negative or zero means "not".
    /// </summary>
    static bool IsTagged(IAttributesTable? attributes, string name)
    {
        if (attributes is null || !attributes.Exists(name))
            return false;
        return attributes[name] switch
        {
            null => false,
            bool flag => flag,
            var value => value.ToString()!.Trim().ToLowerInvariant() is not ("" or "no" or "false" or "0" or "0%"),
        };
    }

    static string? Text(IAttributesTable? attributes, string name) =>
        attributes is not null && attributes.Exists(name) ? attributes[name]?.ToString() : null;
}
