using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection written with OpenStreetMap-style properties (<c>highway</c>, <c>oneway</c>,
/// <c>lanes</c>, <c>bridge</c>, …): LineStrings and MultiLineStrings are streets, features with an emergency
/// <c>amenity</c> are sites. Points get node ids from their rounded coordinates, so lines that share a point connect.
/// </summary>
public static class GeoJsonNetworkReader
{
    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() }, MaxDepth = 64 };

    public static SourceNetwork Read(Stream body, RoutingOptions options)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(body, GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new FormatException($"The body is not a GeoJSON FeatureCollection: {e.Message}");
        }
        if (features is null || features.Count == 0)
            throw new FormatException("The FeatureCollection has no features.");

        var network = new SourceNetwork([], []);
        var anyLine = false;
        foreach (var feature in features)
        {
            var tags = Tags(feature.Attributes);
            var lines = Lines(feature.Geometry).ToList();
            foreach (var line in lines)
            {
                anyLine = true;
                if (line.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.Y is < -90 or > 90 || c.X is < -180 or > 180))
                    throw new FormatException("A road has coordinates outside longitude -180..180 / latitude -90..90.");
                if (RoadTags.IsRoad(tags, options.Roads))
                {
                    var points = line.Coordinates.Select(c => new Coordinate(c.X, c.Y)).ToArray();
                    network.Ways.Add(new SourceWay(null, tags, points.Select(p => CoordinateNode.Id(p.X, p.Y)).ToArray(), points));
                }
            }
            if (options.Priorities.IsEmergencyAmenity(RoadTags.Get(tags, "amenity")) && feature.Geometry is { IsEmpty: false } place)
            {
                var centre = place.Centroid.Coordinate;
                network.Sites.Add(new AccessSite { Name = RoadTags.Get(tags, "name"), Longitude = centre.X, Latitude = centre.Y });
            }
        }
        if (!anyLine)
            throw new FormatException("No feature has a LineString or MultiLineString geometry.");
        return network;
    }

    static IEnumerable<LineString> Lines(Geometry? geometry) => geometry switch
    {
        LineString line when line.NumPoints >= 2 => [line],
        MultiLineString multi => multi.Geometries.OfType<LineString>().Where(l => l.NumPoints >= 2),
        _ => [],
    };

    /// <summary>Properties as tag text: true/false become yes/no, numbers are written invariantly.</summary>
    static Dictionary<string, string> Tags(IAttributesTable? attributes)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes is null)
            return tags;
        foreach (var name in attributes.GetNames())
        {
            var text = attributes[name] switch
            {
                null => null,
                bool flag => flag ? "yes" : "no",
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
                JsonElement element => element.GetRawText(),
                var value => value.ToString(),
            };
            if (text is not null)
                tags[name] = text;
        }
        return tags;
    }
}
