using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Routing.Network;
using SnowOps.Testing;

namespace SnowOps.Routing.Tests;

/// <summary>
/// The city keeps the snow white in a park north-east of the depot (grid columns 3¾ to 7¾, rows 4¼ to 7¾) except on its
/// P1 avenue; the RoutePlanner plans every class around it. A street is in the park when its middle is.
/// </summary>
public sealed class When_snow_is_kept_in_a_park : IAsyncLifetime
{
    static readonly (double FromColumn, double FromRow, double ToColumn, double ToRow) Park = (3.75, 4.25, 7.75, 7.75);
    readonly LogCapture _log = new();
    readonly RoutingHarness _routing;
    readonly Guid _snowEvent = Guid.NewGuid();
    readonly List<RoadSegment> _streets = TestCity.Streets();

    public When_snow_is_kept_in_a_park() => _routing = new RoutingHarness(services: s => s.AddSingleton<ILoggerProvider>(_log));

    public async Task InitializeAsync()
    {
        await _routing.StartAsync();
        await _routing.QueryAsync(db =>
        {
            db.Segments.AddRange(TestCity.Streets());
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _routing.DisposeAsync().AsTask();

    PlowRoutesRequested Request(params string[] areas) =>
        new(_snowEvent, TestCity.AllClasses, 3, KeptSnowAreasWkt: areas, KeptSnowServedClasses: ["P1"]);

    static string ParkWkt => TestCity.Rectangle(Park.FromColumn, Park.FromRow, Park.ToColumn, Park.ToRow);

    /// <summary>The rule, stated apart from the planner: the middle of the (straight) street lies in the rectangle.</summary>
    static bool InPark(RoadSegment street)
    {
        var line = street.Geometry.Coordinates;
        Assert.Equal(2, line.Length);
        var (lon, lat) = ((line[0].X + line[1].X) / 2, (line[0].Y + line[1].Y) / 2);
        var (west, south) = TestCity.At(Park.FromColumn, Park.FromRow);
        var (east, north) = TestCity.At(Park.ToColumn, Park.ToRow);
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    static bool Touches(RoadSegment street)
    {
        var (west, south) = TestCity.At(Park.FromColumn, Park.FromRow);
        var (east, north) = TestCity.At(Park.ToColumn, Park.ToRow);
        return street.Geometry.Coordinates.Any(c => c.X >= west && c.X <= east && c.Y >= south && c.Y <= north);
    }

    async Task<PlowRoutesAssigned> PlanAsync(params string[] areas)
    {
        await _routing.DeliverAsync(Request(areas));
        Assert.Empty(_routing.Harness.Published.Select<Fault<PlowRoutesRequested>>());
        return Assert.Single(_routing.Harness.Published.Select<PlowRoutesAssigned>(), m => m.Context.Message.SnowEventId == _snowEvent).Context.Message;
    }

    static List<LineString> Served(PlowRoutesAssigned answer, string? kind = null) => answer.Routes
        .Where(r => kind is null || r.VehicleKind == kind)
        .SelectMany(r => ((MultiLineString)new WKTReader().Read(r.GeometryWkt)).Geometries.Cast<LineString>()).ToList();

    static bool OnAny(RoadSegment street, List<LineString> lines) => lines.Any(l => l.EqualsExact(street.Geometry));

    [Fact]
    public async Task Should_leave_the_park_s_streets_out_of_every_route()
    {
        var answer = await PlanAsync(ParkWkt);

        var kept = _streets.Where(s => InPark(s) && s.PriorityClass != "P1").ToList();
        Assert.Contains(kept, s => s.PriorityClass == "P2");
        Assert.Contains(kept, s => s.PriorityClass == "P3");
        var served = Served(answer);
        Assert.All(kept, s => Assert.False(OnAny(s, served), $"{s.Name} ({s.Id}) is in the park but on a route."));
    }

    [Fact]
    public async Task Should_still_plow_the_p1_avenue_through_the_park()
    {
        var answer = await PlanAsync(ParkWkt);

        var avenue = _streets.Where(s => InPark(s) && s.PriorityClass == "P1").ToList();
        Assert.NotEmpty(avenue);
        var plowed = Served(answer, "Plow");
        Assert.All(avenue, s => Assert.True(OnAny(s, plowed), $"{s.Name} ({s.Id}) is P1 but on no plow route."));
    }

    [Fact]
    public async Task Should_plow_every_street_outside_even_one_that_reaches_into_the_park()
    {
        var answer = await PlanAsync(ParkWkt);

        var outside = _streets.Where(s => !InPark(s)).ToList();
        Assert.Contains(outside, Touches);
        var plowed = Served(answer, "Plow");
        Assert.All(outside, s => Assert.True(OnAny(s, plowed), $"{s.Name} ({s.Id}) is outside the park but on no plow route."));
    }

    [Fact]
    public async Task Should_warn_of_an_area_that_is_no_polygon_and_plow_its_streets()
    {
        // Crossed corners: a bow tie over the south-west, which is no valid polygon.
        var (a, b, c, d) = (TestCity.At(0.5, 0.5), TestCity.At(3.5, 3.5), TestCity.At(3.5, 0.5), TestCity.At(0.5, 3.5));
        var bowTie = FormattableString.Invariant($"POLYGON (({a.Lon} {a.Lat}, {b.Lon} {b.Lat}, {c.Lon} {c.Lat}, {d.Lon} {d.Lat}, {a.Lon} {a.Lat}))");

        var answer = await PlanAsync(bowTie, ParkWkt);

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Kept-snow area 0", StringComparison.Ordinal));
        Assert.Contains(_snowEvent.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains("not valid", warning.Message, StringComparison.Ordinal);
        var plowed = Served(answer, "Plow");
        Assert.All(_streets.Where(s => !InPark(s)), s => Assert.True(OnAny(s, plowed), $"{s.Name} ({s.Id}) is on no plow route."));
        Assert.DoesNotContain(_streets.Where(s => InPark(s) && s.PriorityClass != "P1"), s => OnAny(s, Served(answer)));
    }
}
