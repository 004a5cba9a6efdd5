using System.Globalization;
using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Network;

/// <summary>The filters of <c>GET /api/network</c>: <c>?priority=P1,P2</c> and <c>?bbox=minLon,minLat,maxLon,maxLat</c>.</summary>
public sealed record NetworkQuery(IReadOnlyList<string> Priorities, Envelope? Box)
{
    /// <summary>The query, or the reason it cannot be one.</summary>
    public static (NetworkQuery? Query, string? Error) Parse(string? priority, string? bbox)
    {
        var priorities = (priority ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(bbox))
            return (new NetworkQuery(priorities, null), null);

        var parts = bbox.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
            return (null, $"bbox must be four numbers minLon,minLat,maxLon,maxLat; got '{Shorten(bbox)}'.");
        var (minLon, minLat, maxLon, maxLat) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (minLon is < -180 or > 180 || maxLon is < -180 or > 180 || minLat is < -90 or > 90 || maxLat is < -90 or > 90)
            return (null, "bbox lies outside longitude -180..180 / latitude -90..90.");
        if (minLon > maxLon || minLat > maxLat)
            return (null, "bbox must give the minimum longitude and latitude before the maximum ones.");
        return (new NetworkQuery(priorities, new Envelope(minLon, maxLon, minLat, maxLat)), null);
    }

    /// <summary>Whether a segment's line passes through the box (not merely its bounding rectangle).</summary>
    public bool InBox(RoadSegment segment) =>
        Box is null || (Box.Intersects(segment.Geometry.EnvelopeInternal) && segment.Geometry.Intersects(segment.Geometry.Factory.ToGeometry(Box)));

    static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
