namespace SnowOps.Status.Dashboard;

/// <summary>How the dashboard draws its map, under <c>SnowOps:Status:Map</c>.</summary>
public sealed class MapOptions
{
    public const string Section = "SnowOps:Status:Map";

    /// <summary>A raster tile URL template ({z}/{x}/{y}, optionally {s}); none draws the roads alone, with no tile server.</summary>
    public string? TileUrl { get; set; }

    public string? TileAttribution { get; set; }

    /// <summary>A street cleared within this many hours is drawn as freshly cleared.</summary>
    public double FreshHours { get; set; } = 3;

    /// <summary>A street cleared longer ago than this is due another pass.</summary>
    public double RepassHours { get; set; } = 12;

    /// <summary>The first view; without it the map fits the road network.</summary>
    public double? CenterLatitude { get; set; }

    public double? CenterLongitude { get; set; }

    public int? Zoom { get; set; }

    /// <summary>The tile URL's origin for the pages' Content-Security-Policy, with a {s} subdomain as a wildcard.</summary>
    public string? TileOrigin()
    {
        if (string.IsNullOrWhiteSpace(TileUrl))
            return null;
        var url = TileUrl.Trim();
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            return null;
        var hostEnd = url.IndexOf('/', schemeEnd + 3);
        var origin = hostEnd < 0 ? url : url[..hostEnd];
        origin = origin.Replace("{s}", "*", StringComparison.Ordinal);
        // Anything else that is not a host character would break the header, so such a URL adds nothing to it.
        return origin.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'' or '{' or '}') ? null : origin;
    }
}
