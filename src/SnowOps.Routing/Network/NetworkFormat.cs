namespace SnowOps.Routing.Network;

public enum NetworkFormat
{
    /// <summary>A GeoJSON FeatureCollection with OpenStreetMap-style properties.</summary>
    GeoJson,

    /// <summary>An OpenStreetMap PBF extract (<c>.osm.pbf</c>).</summary>
    OsmPbf,
}

public static class NetworkFormats
{
    public static readonly string[] GeoJsonTypes = ["application/geo+json", "application/json"];
    public static readonly string[] PbfTypes = ["application/x-protobuf", "application/octet-stream", "application/vnd.openstreetmap.data+pbf"];

    /// <summary>The format a request's Content-Type names, or null for one that is not a network format.</summary>
    public static NetworkFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            _ when GeoJsonTypes.Contains(mediaType) => NetworkFormat.GeoJson,
            _ when PbfTypes.Contains(mediaType) => NetworkFormat.OsmPbf,
            _ => null,
        };
    }

    /// <summary>The format of a file, by its name (<c>.pbf</c>, <c>.geojson</c>, <c>.json</c>).</summary>
    public static NetworkFormat FromFileName(string path) =>
        path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase) ? NetworkFormat.OsmPbf
        : path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? NetworkFormat.GeoJson
        : throw new FormatException($"'{Path.GetFileName(path)}' is neither an OpenStreetMap extract (.osm.pbf) nor GeoJSON (.geojson, .json).");
}
