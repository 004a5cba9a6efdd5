using System.Globalization;
using System.Text.Json;
using SnowOps.Routing.Network;

namespace SnowOps.Routing.Tests;

/// <summary>Hand-built GeoJSON streets, read through the real import.</summary>
public static class Streets
{
    /// <summary>A LineString feature with OSM-style properties, separated by |: <c>"highway=residential | oneway=-1"</c>.</summary>
    public static string Line(string tags, params (double Lon, double Lat)[] points) =>
        Feature(tags, "LineString", "[" + string.Join(", ", points.Select(Position)) + "]");

    public static string Point(string tags, double lon, double lat) => Feature(tags, "Point", Position((lon, lat)));

    public static string Collection(params string[] features) =>
        $$"""{ "type": "FeatureCollection", "features": [{{string.Join(", ", features)}}] }""";

    public static List<RoadSegment> Read(RoutingOptions? options, params string[] features) =>
        NetworkImport.Read(Beijing.AsStream(Collection(features)), NetworkFormat.GeoJson, options ?? new RoutingOptions());

    public static List<RoadSegment> Read(params string[] features) => Read(null, features);

    static string Feature(string tags, string type, string coordinates)
    {
        var properties = tags.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
        return $$"""{ "type": "Feature", "properties": {{JsonSerializer.Serialize(properties)}}, "geometry": { "type": "{{type}}", "coordinates": {{coordinates}} } }""";
    }

    static string Position((double Lon, double Lat) p) =>
        string.Create(CultureInfo.InvariantCulture, $"[{p.Lon}, {p.Lat}]");
}
