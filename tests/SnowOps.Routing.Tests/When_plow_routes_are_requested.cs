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

    async Task LoadBeijingAsync() => await _routing.QueryAsync(db =>
    {
        db.Segments.AddRange(Beijing.Read());
        return db.SaveChangesAsync();
    });

    List<PlowRoutesAssigned> Answers() => _routing.Harness.Published.Select<PlowRoutesAssigned>()
        .Select(m => m.Context.Message).Where(m => m.SnowEventId == _snowEvent).ToList();

    static List<LineString> Lines(PlannedRoute route) =>
        ((MultiLineString)new WKTReader().Read(route.GeometryWkt)).Geometries.Cast<LineString>().ToList();

    [Fact]
    public async Task Should_answer_once_with_routes_that_cover_the_requested_classes()
    {
        await LoadBeijingAsync();

        await _routing.DeliverAsync(Request);

        var answer = Assert.Single(Answers());
        Assert.Equal(2, answer.Routes.Count);
        Assert.All(answer.Routes, r => Assert.Contains(r.PriorityClass, Request.PriorityClasses));
        // P1: Jianguo Road and the Tonghui River bridge; P2: Guanghua Road and both pieces of Dawang Road. Not Jintai Lane (P3).
        Assert.Equal(5, answer.Routes.Sum(r => Lines(r).Count));
        Assert.Equal(["Dawang Road", "Guanghua Road", "Jianguo Road", "Tonghui River Bridge"],
            answer.Routes.SelectMany(r => r.Streets).Distinct().Order(StringComparer.Ordinal).ToList());
        var requested = Beijing.Read().Where(s => s.PriorityClass is "P1" or "P2").Sum(s => s.LengthMeters);
        Assert.Equal(requested, answer.Routes.Sum(r => r.LengthMeters), tolerance: 0.1 * answer.Routes.Count);
        Assert.Empty(_routing.Harness.Published.Select<Fault<PlowRoutesRequested>>());
    }

    [Fact]
    public async Task Should_cover_each_requested_street_exactly_once()
    {
        await LoadBeijingAsync();

        await _routing.DeliverAsync(Request);

        var lines = Assert.Single(Answers()).Routes.SelectMany(Lines).ToList();
        var requested = Beijing.Read().Where(s => s.PriorityClass is "P1" or "P2").ToList();
        Assert.All(requested, s => Assert.Single(lines, l => l.EqualsExact(s.Geometry)));
    }

    [Fact]
    public async Task Should_plan_once_and_answer_a_repeated_request_with_the_same_route_ids()
    {
        await LoadBeijingAsync();

        await _routing.DeliverAsync(Request, Request);

        var answers = Answers();
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].Routes.Select(r => r.RouteId), answers[1].Routes.Select(r => r.RouteId));
        Assert.Equal(answers[0].Routes.Select(r => r.GeometryWkt), answers[1].Routes.Select(r => r.GeometryWkt));
        var stored = await _routing.QueryAsync(db => db.Routes.AsNoTracking().Where(r => r.SnowEventId == _snowEvent).ToListAsync());
        Assert.Equal(answers[0].Routes.Select(r => r.RouteId).Order(), stored.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Should_answer_with_no_routes_when_no_road_network_is_loaded()
    {
        await _routing.DeliverAsync(Request);

        Assert.Empty(Assert.Single(Answers()).Routes);
        Assert.Equal(0, await _routing.QueryAsync(db => db.Routes.CountAsync()));
        Assert.Empty(_routing.Harness.Published.Select<Fault<PlowRoutesRequested>>());
    }
}
