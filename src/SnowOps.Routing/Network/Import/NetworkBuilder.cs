using NetTopologySuite.Geometries;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// Turns a source's streets into road segments: cut at intersections, turned to their direction of travel,
/// measured along the ground, given their passes and their priority class by the city's rules.
/// </summary>
public static class NetworkBuilder
{
    const int MaxNameLength = 256;
    const int MaxClassLength = 8;
    static readonly GeometryFactory Factory = new(new PrecisionModel(), Wgs84.Srid);

    public static List<RoadSegment> Build(SourceNetwork source, RoutingOptions options)
    {
        var rules = options.Priorities;
        var pieces = WaySplitter.Split(source.Ways);
        var travels = pieces.Select(p => Travel.Of(p.Tags, options.Roads)).ToList();
        var lines = pieces.Select((p, i) => Factory.CreateLineString(travels[i].Reversed ? p.Points.Reverse().ToArray() : p.Points)).ToList();
        var nearSites = EmergencyAccess.Near(lines, source.Sites.Concat(rules.EmergencySites), rules.EmergencyAccessMeters);

        var segments = new List<RoadSegment>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            var (piece, travel, line) = (pieces[i], travels[i], lines[i]);
            var highway = RoadTags.Get(piece.Tags, "highway") ?? "";
            var bridge = RoadTags.IsBridge(piece.Tags);
            var slope = RoadTags.IsSteep(piece.Tags, rules);
            var access = nearSites.Contains(i);
            var name = RoadTags.Name(piece.Tags);
            segments.Add(new RoadSegment
            {
                Id = i + 1,
                WayId = piece.WayId,
                Name = name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name,
                Highway = highway,
                PriorityClass = GivenClass(piece.Tags) ?? rules.Classify(highway, bridge, slope, access),
                Bridge = bridge,
                Slope = slope,
                EmergencyAccess = access,
                NeedsDeIcing = rules.NeedsDeIcing(highway, bridge, slope),
                Geometry = line,
                LengthMeters = Geodesy.LengthMeters(line),
                FromNode = travel.Reversed ? piece.Nodes[^1] : piece.Nodes[0],
                ToNode = travel.Reversed ? piece.Nodes[0] : piece.Nodes[^1],
                OneWay = travel.OneWay,
                Passes = travel.Forward,
                PassesBackward = travel.Backward,
            });
        }
        return segments;
    }

    /// <summary>A class a city's own file gives a street (<c>"priority": "P1"</c>) overrides the rules.</summary>
    static string? GivenClass(IReadOnlyDictionary<string, string> tags)
    {
        var given = RoadTags.Get(tags, "priority");
        if (given is { Length: > MaxClassLength })
            throw new FormatException($"The priority class '{given[..Math.Min(given.Length, 40)]}' is longer than {MaxClassLength} characters.");
        return given;
    }
}
