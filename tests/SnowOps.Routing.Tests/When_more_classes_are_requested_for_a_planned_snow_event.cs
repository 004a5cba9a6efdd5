using SnowOps.Routing.Data;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SnowOps.Contracts;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Planning.Replan;
using SnowOps.Testing;

namespace SnowOps.Routing.Tests;

/// <summary>
/// A snow event is first planned for P1 with two plows; later Dispatch asks for P1 and P2. Routing plans P2 alone, adds its
/// routes to the plan and answers with every route of the event.
/// </summary>
public sealed class When_more_classes_are_requested_for_a_planned_snow_event : IAsyncLifetime
{
    readonly RoutingHarness _routing = new();
    readonly Guid _snowEvent = Guid.NewGuid();
    readonly List<RoadSegment> _streets = TestCity.Streets();

    PlowRoutesRequested First => new(_snowEvent, ["P1"], 2);
    PlowRoutesRequested Wider => new(_snowEvent, ["P2", "P1"], 2);

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

    List<PlowRoutesAssigned> Answers() => _routing.Harness.Published.Select<PlowRoutesAssigned>()
        .Select(m => m.Context.Message).Where(m => m.SnowEventId == _snowEvent).ToList();

    /// <summary>The streets a route serves, found by their geometry: every line of the route is one of the district's streets.</summary>
    List<RoadSegment> StreetsOn(PlannedRoute route)
    {
        var lines = ((MultiLineString)new WKTReader().Read(route.GeometryWkt)).Geometries.Cast<LineString>().ToList();
        var streets = _streets.Where(s => lines.Any(l => l.EqualsExact(s.Geometry))).ToList();
        Assert.Equal(lines.Count, streets.Count);
        return streets;
    }

    static List<PlannedRoute> Added(PlowRoutesAssigned before, PlowRoutesAssigned after) =>
        after.Routes.Where(r => before.Routes.All(b => b.RouteId != r.RouteId)).ToList();

    Task<List<RouteRecord>> StoredAsync() =>
        _routing.QueryAsync(db => db.Routes.AsNoTracking().Where(r => r.SnowEventId == _snowEvent).ToListAsync());

    async Task<ReplanOutcome> BreakAsync(string vehicle)
    {
        ReplanOutcome? outcome = null;
        await _routing.WithServicesAsync(async services =>
            outcome = await new ReplanHandler(services.GetRequiredService<RoutingDbContext>(), services.GetRequiredService<TransactionalOutbox>(),
                    TestCity.Options(), _routing.Harness.Bus, TimeProvider.System)
                .HandleAsync(_snowEvent, new ReplanBody([vehicle], null, null, null), CancellationToken.None));
        return outcome!;
    }

    [Fact]
    public async Task Should_plan_only_the_added_class_and_keep_the_first_routes_with_their_ids()
    {
        await _routing.DeliverAsync(First, Wider);

        var (first, wider) = (Answers()[0], Answers()[1]);
        foreach (var route in first.Routes)
        {
            var again = Assert.Single(wider.Routes, r => r.RouteId == route.RouteId);
            Assert.Equal((route.Name, route.GeometryWkt, route.DurationHours), (again.Name, again.GeometryWkt, again.DurationHours));
        }
        var added = Added(first, wider);
        Assert.Equal(first.Routes.Count + added.Count, wider.Routes.Count);
        Assert.All(first.Routes.SelectMany(StreetsOn), s => Assert.Equal("P1", s.PriorityClass));
        Assert.All(added.SelectMany(StreetsOn), s => Assert.Equal("P2", s.PriorityClass));
        var plowedNow = added.Where(r => r.VehicleKind == "Plow").SelectMany(StreetsOn).Select(s => s.Id).ToHashSet();
        Assert.All(_streets.Where(s => s.PriorityClass == "P2"), s => Assert.Contains(s.Id, plowedNow));
        Assert.Equal(wider.Routes.Select(r => r.RouteId).Order(), (await StoredAsync()).Select(r => r.Id).Order());
        var plan = await _routing.QueryAsync(db => PlanStore.LatestAsync(db, _snowEvent, CancellationToken.None));
        Assert.Equal(0, plan!.Revision);
        Assert.Equal(["P1", "P2"], plan.PriorityClasses);
    }

    [Fact]
    public async Task Should_answer_a_repeated_widening_with_the_same_routes_and_add_none()
    {
        await _routing.DeliverAsync(First, Wider, Wider);

        var answers = Answers();
        Assert.Equal(3, answers.Count);
        Assert.NotEmpty(Added(answers[0], answers[1]));
        Assert.Equal(answers[1].Routes.Select(r => r.RouteId), answers[2].Routes.Select(r => r.RouteId));
        Assert.Equal(answers[1].Routes.Count, (await StoredAsync()).Count);
    }

    /// <summary>
    /// What the consumer does with a request, on a thread and a database context of its own (a thread of its own, not one
    /// of the pool, so two calls run at once rather than one after the other).
    /// </summary>
    Task<(List<RouteRecord>? Routes, DbUpdateException? Conflict)> AssignAsync(PlowRoutesRequested request) => Task.Factory.StartNew(
        () => _routing.QueryAsync<(List<RouteRecord>?, DbUpdateException?)>(async db =>
        {
            try
            {
                return (await new RouteAssigner(db, TestCity.Options(), TimeProvider.System, NullLogger.Instance).AssignAsync(request, CancellationToken.None), null);
            }
            catch (DbUpdateException e)
            {
                return (null, e);
            }
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    [Fact]
    public async Task Should_not_double_the_routes_when_the_same_widening_arrives_twice_at_once()
    {
        await _routing.DeliverAsync(First);

        var attempts = await Task.WhenAll(AssignAsync(Wider), AssignAsync(Wider));
        // The one that saved second is refused; the consumer's retry then finds the routes the other saved.
        var saved = Assert.Single(attempts, a => a.Conflict is null).Routes!;
        var retried = (await AssignAsync(Wider)).Routes!;

        Assert.Equal(saved.Select(r => r.Id).Order(), retried.Select(r => r.Id).Order());
        Assert.Equal(saved.Select(r => r.Id).Order(), (await StoredAsync()).Select(r => r.Id).Order());
        var plowed = saved.Where(r => r.VehicleKind == "Plow").SelectMany(r => StreetsOn(PlanStore.Contract(r))).ToList();
        Assert.All(_streets.Where(s => s.PriorityClass == "P2"), s => Assert.Equal(1, plowed.Count(p => p.Id == s.Id)));
    }

    [Fact]
    public async Task Should_add_each_class_once_when_two_different_widenings_arrive_at_once()
    {
        await _routing.DeliverAsync(First);

        var attempts = await Task.WhenAll(AssignAsync(Wider), AssignAsync(new PlowRoutesRequested(_snowEvent, ["P1", "P3"], 2)));
        Assert.Single(attempts, a => a.Conflict is null);
        await AssignAsync(attempts[0].Conflict is null ? new PlowRoutesRequested(_snowEvent, ["P1", "P3"], 2) : Wider);

        var stored = await StoredAsync();
        var plowed = stored.Where(r => r.VehicleKind == "Plow").SelectMany(r => StreetsOn(PlanStore.Contract(r))).ToList();
        Assert.All(_streets, s => Assert.InRange(plowed.Count(p => p.Id == s.Id), 1, PlanChecks.Passes(s).Count()));
        var plan = await _routing.QueryAsync(db => PlanStore.LatestAsync(db, _snowEvent, CancellationToken.None));
        Assert.Equal(["P1", "P2", "P3"], plan!.PriorityClasses);
    }

    [Fact]
    public async Task Should_start_each_added_route_when_its_vehicle_is_back_from_its_first()
    {
        await _routing.DeliverAsync(First, Wider);

        var firstIds = Answers()[0].Routes.Select(r => r.RouteId).ToHashSet();
        var pairs = (await StoredAsync()).GroupBy(r => r.VehicleId)
            .Select(g => (Earlier: g.SingleOrDefault(r => firstIds.Contains(r.Id)), Added: g.SingleOrDefault(r => !firstIds.Contains(r.Id))))
            .Where(p => p.Earlier is not null && p.Added is not null).ToList();
        Assert.NotEmpty(pairs);
        foreach (var (earlier, added) in pairs)
        {
            var (before, after) = (PlanStore.StepsOf(earlier!), PlanStore.StepsOf(added!));
            Assert.Equal(before[^1].End, after[0].Start);
            Assert.InRange(after[^1].End, after[0].Start, 8 * 3600);
            var published = Assert.Single(Answers()[1].Routes, r => r.RouteId == added!.Id);
            Assert.Equal(Math.Round((after[^1].End - after[0].Start) / 3600.0, 2), published.DurationHours);
        }
    }

    [Fact]
    public async Task Should_replan_the_first_and_the_added_routes_together()
    {
        await _routing.DeliverAsync(First, Wider);

        var outcome = await BreakAsync("plow-2");

        Assert.Equal(201, outcome.Status);
        var plows = (await StoredAsync()).Where(r => r.Revision == 1 && r.VehicleKind == "Plow").ToList();
        Assert.Equal(["plow-1"], plows.Select(r => r.VehicleId));
        var served = plows.SelectMany(PlanStore.StepsOf).Where(s => s.Service).GroupBy(s => (s.SegmentId, s.Pass)).ToDictionary(g => g.Key, g => g.Count());
        var wanted = _streets.Where(s => s.PriorityClass is "P1" or "P2").SelectMany(s => PlanChecks.Passes(s).Select(p => (s.Id, p))).Order().ToList();
        Assert.Equal(wanted, served.Keys.Order().ToList());
        Assert.All(served.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Should_add_to_the_re_planned_revision_and_give_a_broken_plow_nothing()
    {
        await _routing.DeliverAsync(First);
        Assert.Equal(201, (await BreakAsync("plow-2")).Status);

        await _routing.DeliverAsync(Wider);

        var (first, wider) = (Answers()[0], Answers()[1]);
        Assert.All(first.Routes, r => Assert.Contains(wider.Routes, w => w.RouteId == r.RouteId));
        var added = Added(first, wider);
        Assert.Contains(added, r => r.VehicleId == "plow-1");
        Assert.DoesNotContain(added, r => r.VehicleId == "plow-2");
        var current = (await StoredAsync()).Where(r => r.Revision == 1).Select(r => r.Id).ToHashSet();
        Assert.All(added, r => Assert.Contains(r.RouteId, current));
        var plan = await _routing.QueryAsync(db => PlanStore.LatestAsync(db, _snowEvent, CancellationToken.None));
        Assert.Equal(1, plan!.Revision);
        Assert.Equal(["P1", "P2"], plan.PriorityClasses);
        Assert.Equal(["plow-2"], plan.BrokenVehicles);
    }
}
