using SnowOps.Routing.Network.Import;

namespace SnowOps.Routing.Network;

/// <summary>
/// Reads a road network from an OpenStreetMap PBF extract or a GeoJSON file, through one pipeline: the drivable
/// streets are kept, cut at intersections and classed by the city's rules.
/// </summary>
public static class NetworkImport
{
    /// <summary>
    /// Throws <see cref="FormatException"/> when the body cannot be read as <paramref name="format"/>, and
    /// <see cref="NoStreetsException"/> when it reads but holds no drivable street.
    /// </summary>
    public static List<RoadSegment> Read(Stream body, NetworkFormat format, RoutingOptions options, CancellationToken cancellationToken = default)
    {
        var source = format == NetworkFormat.OsmPbf
            ? OsmPbfReader.Read(Seekable(body), options, cancellationToken)
            : GeoJsonNetworkReader.Read(body, options);
        if (source.Ways.Count == 0)
        {
            var kept = string.Join(", ", options.Roads.Highways.Where(h => h.Value).Select(h => h.Key).Order(StringComparer.Ordinal));
            throw new NoStreetsException($"The file holds no drivable street: none is tagged highway={{{kept}}} and open to traffic.");
        }
        return NetworkBuilder.Build(source, options);
    }

    static Stream Seekable(Stream body)
    {
        if (body.CanSeek)
            return body;
        var copy = new MemoryStream();
        body.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}

/// <summary>A file that reads well but holds no street to plow.</summary>
public sealed class NoStreetsException(string message) : FormatException(message);
