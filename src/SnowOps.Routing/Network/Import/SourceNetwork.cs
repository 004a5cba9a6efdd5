using NetTopologySuite.Geometries;

namespace SnowOps.Routing.Network.Import;

/// <summary>
/// A street as a source gives it, before it is cut at intersections: its tags and its points, each point with the
/// node id that joins it to other streets (an OSM node id, or one derived from the coordinate).
/// </summary>
public sealed record SourceWay(long? WayId, IReadOnlyDictionary<string, string> Tags, long[] Nodes, Coordinate[] Points);

/// <summary>What a source file holds for the network: its drivable streets and its emergency sites.</summary>
public sealed record SourceNetwork(List<SourceWay> Ways, List<AccessSite> Sites);
