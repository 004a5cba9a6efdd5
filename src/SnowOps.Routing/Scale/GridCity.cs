using System.Globalization;
using NetTopologySuite.Geometries;
using SnowOps.Routing.Network;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Routing.Scale;

/// <summary>
/// A made-up city for tests and the scale benchmark: a square grid of blocks (slightly jittered) around a point. Every
/// fourth street each way is a P1 arterial (two passes), every other one a P2 collector, the rest P3 residential; the
/// residential streets of every other row are one-way, alternating east and west; about one segment in thirty is a
/// bridge or slope to de-ice. Node ids are the grid crossings, as an import would give them.
/// </summary>
public static class GridCity
{
    static readonly GeometryFactory Factory = new(new PrecisionModel(), Wgs84.Srid);

    /// <summary>The smallest square grid with at least <paramref name="segments"/> street segments.</summary>
    public static List<RoadSegment> WithSegments(int segments, int seed = 1, double lon = 116.40, double lat = 39.90)
    {
        var side = 2;
        while (2L * side * (side - 1) < segments)
            side++;
        return Generate(side, side, seed, lon, lat);
    }

    public static List<RoadSegment> Generate(int rows, int columns, int seed = 1, double lon = 116.40, double lat = 39.90, double blockMeters = 120)
    {
        var random = new Random(seed);
        var degreesNorth = blockMeters / 111_195.0;
        var degreesEast = degreesNorth / Math.Cos(lat * Math.PI / 180);
        var points = new Coordinate[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                points[r, c] = new Coordinate(
                    lon + (c + (random.NextDouble() - 0.5) * 0.2) * degreesEast,
                    lat + (r + (random.NextDouble() - 0.5) * 0.2) * degreesNorth);
            }
        }
        var segments = new List<RoadSegment>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c + 1 < columns; c++)
            {
                var oneWay = Class(r) == "P3" && r % 2 == 1;
                var westward = r % 4 == 3;
                var (from, to) = westward ? ((r, c + 1), (r, c)) : ((r, c), (r, c + 1));
                segments.Add(Segment(segments.Count + 1, $"Row {r} Street", Class(r), oneWay, from, to));
            }
        }
        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r + 1 < rows; r++)
                segments.Add(Segment(segments.Count + 1, $"Column {c} Avenue", Class(c), false, (r, c), (r + 1, c)));
        }
        return segments;

        RoadSegment Segment(long id, string name, string priority, bool oneWay, (int R, int C) from, (int R, int C) to)
        {
            var line = Factory.CreateLineString([points[from.R, from.C].Copy(), points[to.R, to.C].Copy()]);
            return new RoadSegment
            {
                Id = id,
                Name = name,
                Highway = priority switch { "P1" => "primary", "P2" => "secondary", _ => "residential" },
                PriorityClass = priority,
                NeedsDeIcing = random.Next(30) == 0,
                Geometry = line,
                LengthMeters = Geodesy.LengthMeters(line),
                FromNode = Node(from),
                ToNode = Node(to),
                OneWay = oneWay,
                Passes = priority == "P1" ? 2 : 1,
                PassesBackward = oneWay ? 0 : priority == "P1" ? 2 : 1,
            };
        }

        long Node((int R, int C) at) => 1 + (long)at.R * columns + at.C;
    }

    static string Class(int line) => line % 4 == 0 ? "P1" : line % 2 == 0 ? "P2" : "P3";

    public static string Describe(IReadOnlyList<RoadSegment> segments) => string.Create(CultureInfo.InvariantCulture,
        $"{segments.Count} segments, {segments.Count(s => s.OneWay)} one-way, {segments.Sum(s => s.LengthMeters) / 1000:F1} km");
}
