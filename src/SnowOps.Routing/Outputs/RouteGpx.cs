using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SnowOps.Routing.Outputs;

/// <summary>A route as GPX 1.1 for in-cab navigation: one track through every street driven, and a waypoint where each service starts.</summary>
public static class RouteGpx
{
    public static string Write(string vehicle, string baseName, IReadOnlyList<RouteLeg> legs)
    {
        var points = new List<Coordinate>();
        foreach (var c in legs.SelectMany(l => l.Geometry.Coordinates))
        {
            if (points.Count == 0 || !points[^1].Equals2D(c))
                points.Add(c);
        }
        var waypoints = new List<GpxWaypoint>();
        if (points.Count > 0)
            waypoints.Add(new GpxWaypoint(points[0]).WithName($"Start: {baseName}"));
        foreach (var leg in legs.Where(l => l.Service && l.Geometry.NumPoints > 0))
        {
            waypoints.Add(new GpxWaypoint(leg.Geometry.StartPoint.Coordinate)
                .WithName(string.Create(CultureInfo.InvariantCulture, $"{leg.Order}. {leg.Street}"))
                .WithDescription(string.Create(CultureInfo.InvariantCulture, $"{leg.PriorityClass}{(leg.DeIcing ? ", de-ice" : "")}, {leg.Meters:F0} m, {RouteLegs.Heading(leg.Geometry)}"))
                .WithClassification(leg.PriorityClass));
        }
        var segment = new GpxTrackSegment(new ImmutableGpxWaypointTable(points.Select(p => new GpxWaypoint(p))), null);
        var track = new GpxTrack().WithName($"{vehicle} plow route").WithSegments([segment]);
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            GpxWriter.Write(writer, new GpxWriterSettings(), new GpxMetadata("SnowOps").WithName($"{vehicle} route"),
                waypoints, ImmutableArray<GpxRoute>.Empty, [track], null);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
