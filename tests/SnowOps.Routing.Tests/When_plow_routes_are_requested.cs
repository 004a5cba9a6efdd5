using MassTransit;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;

namespace SnowOps.Routing.Tests;

/// <summary>The RoutePlanner answers a snow event's request for plow routes over the stored road network.</summary>
public sealed class When_plow_routes_are_requested : IAsyncLifetime
{
    readonly RoutingHarness _routing = new();
    readonly Guid _snowEvent = Guid.NewGuid();
    PlowRoutesRequested Request => new(_snowEvent, ["P1", "P2"], 2);

    public Task InitializeAsync() => _routing.StartAsync();

    public Task DisposeAsync() => _routing.DisposeAsync().AsTask();

    async Task LoadDistrictAsync() => await _routing.QueryAsync(db =>
    {
        db.Segments.AddRange(TestCity.Streets());
        return db.SaveChangesAsync();
    });

    List<PlowRoutesAssigned> Answers() => _routing.Harness.Published.Select<PlowRoutesAssigned>()
        .Select(m => m.Context.Message).Where(m => m.SnowEventId == _snowEvent).ToList();

    static List<LineString> Lines(PlannedRoute route) =>
        ((MultiLineString)new WKTReader().Read(route.GeometryWkt)).Geometries.Cast<LineString>().ToList();

    [Fact]
    public async Task Should_answer_once_with_a_route_per_plow_asked_for_and_the_spreader()
    {
        await LoadDistrictAsync();

        await _routing.DeliverAsync(Request);

        var answer = Assert.Single(Answers());
        Assert.Equal(["plow-1", "plow-2", "spreader"], answer.Routes.Select(r => r.VehicleId!).Order(StringComparer.Ordinal).ToList());
        Assert.All(answer.Routes, r => Assert.Contains(r.PriorityClass, Request.PriorityClasses));
        Assert.All(answer.Routes, r => Assert.InRange(r.DurationHours!.Value, 0.01, 8));
        Assert.All(answer.Routes.Where(r => r.VehicleKind == "Plow"), r => Assert.Equal(0, r.DeIcerKg));
        Assert.True(Assert.Single(answer.Routes, r => r.VehicleKind == "Spreader").DeIcerKg > 0);
        Assert.Empty(_routing.Harness.Published.Select<Fault<PlowRoutesRequested>>());
    }

    [Fact]
    public async Task Should_cover_each_requested_street_on_exactly_one_plow_route()
    {
        await LoadDistrictAsync();

        await _routing.DeliverAsync(Request);

        var plows = Assert.Single(Answers()).Routes.Where(r => r.VehicleKind == "Plow").ToList();
        var lines = plows.SelectMany(Lines).ToList();
        var requested = TestCity.Streets().Where(s => s.PriorityClass is "P1" or "P2").ToList();
        // A street of two passes may have its passes on two plows; every other street is on exactly one.
        Assert.All(requested, s => Assert.InRange(lines.Count(l => l.EqualsExact(s.Geometry)), 1, s.Passes));
        Assert.Equal(lines.Count, lines.Count(l => requested.Any(s => l.EqualsExact(s.Geometry))));
    }

    [Fact]
    public async Task Should_plan_once_and_answer_a_repeated_request_with_the_same_routes()
    {
        await LoadDistrictAsync();

        await _routing.DeliverAsync(Request, Request);

        var answers = Answers();
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].Routes.Select(r => r.RouteId), answers[1].Routes.Select(r => r.RouteId));
        Assert.Equal(answers[0].Routes.Select(r => r.GeometryWkt), answers[1].Routes.Select(r => r.GeometryWkt));
        Assert.Equal(answers[0].Routes.Select(r => r.DurationHours), answers[1].Routes.Select(r => r.DurationHours));
        var stored = await _routing.QueryAsync(db => db.Routes.AsNoTracking().Where(r => r.SnowEventId == _snowEvent).ToListAsync());
        Assert.Equal(answers[0].Routes.Select(r => r.RouteId).Order(), stored.Select(r => r.Id).Order());
        Assert.Equal(1, await _routing.QueryAsync(db => db.Plans.CountAsync(p => p.SnowEventId == _snowEvent)));
    }

    [Fact]
    public async Task Should_answer_with_no_routes_when_no_road_network_is_loaded()
    {
        await _routing.DeliverAsync(Request);

        Assert.Empty(Assert.Single(Answers()).Routes);
        Assert.Equal(0, await _routing.QueryAsync(db => db.Routes.CountAsync()));
        Assert.Empty(_routing.Harness.Published.Select<Fault<PlowRoutesRequested>>());
    }

    [Fact]
    public async Task Should_plan_an_imported_network_without_node_ids_and_report_the_streets_the_depot_cannot_reach()
    {
        // The Guomao streets touch nowhere, so from a depot on Jianguo Road only Jianguo Road can be plowed.
        await _routing.QueryAsync(db =>
        {
            db.Segments.AddRange(Beijing.Read());
            return db.SaveChangesAsync();
        });

        await _routing.DeliverAsync(Request);

        var served = Assert.Single(Answers()).Routes.Where(r => r.VehicleKind == "Plow").SelectMany(r => r.Streets).Distinct().ToList();
        Assert.Equal(["Jianguo Road"], served);
        var plan = await _routing.QueryAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.SnowEventId == _snowEvent));
        Assert.Contains("Guanghua Road", plan.Unserved);
        Assert.Contains("unreachable", plan.Unserved);
    }
}
