using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Operation.Valid;
using SnowOps.Routing.Network;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Routing.Planning;

/// <summary>An area of a request that is not used, and why.</summary>
public sealed record RejectedArea(int Index, string Problem);

/// <summary>
/// Areas where snow is kept on purpose (parks, scenic spots). A street is inside when the point halfway along it lies in
/// an area or on its edge, so a street that only reaches into a park is still plowed. An area that is not a valid WGS 84
/// polygon is rejected with the reason and not used: a bad area means streets plowed, never streets left unplowed.
/// </summary>
public sealed class KeptSnowAreas
{
    readonly List<IPreparedGeometry> _areas;

    KeptSnowAreas(List<IPreparedGeometry> areas, List<RejectedArea> rejected)
    {
        _areas = areas;
        Rejected = rejected;
    }

    public static KeptSnowAreas None { get; } = new([], []);

    public int Count => _areas.Count;
    public IReadOnlyList<RejectedArea> Rejected { get; }

    public static KeptSnowAreas Read(IReadOnlyList<string>? wkt)
    {
        var areas = new List<IPreparedGeometry>();
        var rejected = new List<RejectedArea>();
        for (var i = 0; i < (wkt?.Count ?? 0); i++)
        {
            var (area, problem) = Parse(wkt![i]);
            if (area is not null)
                areas.Add(PreparedGeometryFactory.Prepare(area));
            else
                rejected.Add(new RejectedArea(i, problem!));
        }
        return new KeptSnowAreas(areas, rejected);
    }

    static (Geometry? Area, string? Problem) Parse(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
            return (null, "it is empty");
        Geometry area;
        try
        {
            area = Wgs84.ReadWkt(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException)
        {
            return (null, $"it is not WKT: {e.Message}");
        }
        if (area is not (Polygon or MultiPolygon))
            return (null, $"it is a {area.GeometryType}, not a POLYGON or MULTIPOLYGON");
        if (area.IsEmpty)
            return (null, "the polygon is empty");
        if (area.Coordinates.FirstOrDefault(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90) is { } off)
            return (null, FormattableString.Invariant($"the point ({off.X} {off.Y}) is outside longitude -180..180 / latitude -90..90 (WKT is lon lat)"));
        var validity = new IsValidOp(area);
        if (!validity.IsValid)
        {
            var error = validity.ValidationError;
            return (null, FormattableString.Invariant($"the polygon is not valid: {error.Message} at ({error.Coordinate?.X} {error.Coordinate?.Y})"));
        }
        return (area, null);
    }

    /// <summary>The point halfway along the street lies in an area or on its edge.</summary>
    public bool Contains(RoadSegment segment)
    {
        if (_areas.Count == 0 || segment.Geometry is not LineString { IsEmpty: false } line)
            return false;
        var middle = line.Factory.CreatePoint(new LengthIndexedLine(line).ExtractPoint(line.Length / 2));
        return _areas.Any(a => a.Covers(middle));
    }

    /// <summary>The segments of <paramref name="classes"/> whose service is dropped: inside an area and not of a served class.</summary>
    public HashSet<long> Kept(IEnumerable<RoadSegment> segments, IReadOnlyCollection<string> classes, IReadOnlyCollection<string>? servedClasses) =>
        segments.Where(s => classes.Contains(s.PriorityClass) && !(servedClasses?.Contains(s.PriorityClass) ?? false) && Contains(s))
            .Select(s => s.Id).ToHashSet();
}
