using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;
using SnowOps.Testing;
using static SnowOps.Status.Tests.StatusHistory;

namespace SnowOps.Status.Tests;

public sealed class When_routes_are_planned : IAsyncLifetime
{
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _status = new(StatusModule.AddConsumers);
    readonly Guid _event = Guid.NewGuid();

    public Task InitializeAsync() => _status.StartAsync();

    public Task DisposeAsync() => _status.DisposeAsync().AsTask();

    Task<List<RouteRow>> RoutesAsync() =>
        _status.QueryAsync(db => db.Routes.AsNoTracking().Where(r => r.SnowEventId == _event).OrderBy(r => r.Name).ToListAsync());

    PlowRoutesAssigned FirstPlan => new(_event, [Route(RouteA, "plow-1", "Chang'an Ave", "Fuxing Rd"), Route(RouteB, "plow-2", "Jianguo Rd")]);

    PlowRoutesReplanned Replan => new(_event, 1, [Route(RouteA, "plow-1", "Fuxing Rd")], ["plow-2"], [], []);

    [Fact]
    public async Task Should_show_each_vehicle_route_with_its_streets()
    {
        await _status.DeliverAsync(FirstPlan);

        var routes = await RoutesAsync();
        Assert.Equal(["plow-1", "plow-2"], routes.Select(r => r.VehicleId));
        Assert.Equal(["Chang'an Ave", "Fuxing Rd"], routes[0].Streets);
        Assert.Equal((Line, "P1", 1200.0, 0), (routes[0].GeometryWkt, routes[0].PriorityClass, routes[0].LengthMeters, routes[0].Revision));
    }

    [Fact]
    public async Task Should_replace_the_plan_with_the_replan()
    {
        await _status.DeliverAsync(FirstPlan, Replan);

        var route = Assert.Single(await RoutesAsync());
        Assert.Equal((RouteA, 1), (route.RouteId, route.Revision));
        Assert.Equal(["Fuxing Rd"], route.Streets);
    }

    [Fact]
    public async Task Should_not_bring_back_the_first_plan_when_it_arrives_after_the_replan()
    {
        await _status.DeliverAsync(Replan, FirstPlan);

        var route = Assert.Single(await RoutesAsync());
        Assert.Equal(["Fuxing Rd"], route.Streets);
    }

    [Fact]
    public async Task Should_keep_the_revision_when_a_replan_leaves_no_work()
    {
        await _status.DeliverAsync(FirstPlan, new PlowRoutesReplanned(_event, 2, [], [], [], []), Replan);

        Assert.Empty(await RoutesAsync());
    }
}
