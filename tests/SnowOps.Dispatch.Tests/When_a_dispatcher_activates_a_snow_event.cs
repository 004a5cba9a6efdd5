using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_dispatcher_activates_a_snow_event : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _snowEventId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.Harness.Bus.Publish(new ProposeSnowEvent(_snowEventId, null, Hazard.Snowstorm, AlertLevel.Orange,
            "Heavy snow", "snow", DateTimeOffset.UtcNow));
        await _dispatch.EventuallyAsync(db => db.SnowEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CorrelationId == _snowEventId),
            e => e?.CurrentState == "Proposed", "the proposed event");
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    Task ActivateAsync(string by = "ana") =>
        _dispatch.Harness.Bus.Publish(new ActivateSnowEvent(_snowEventId, by, DateTimeOffset.UtcNow));

    [Fact]
    public async Task Should_enter_the_prepare_phase_and_send_the_plans_tasks_to_crews()
    {
        await ActivateAsync();

        var tasks = await _dispatch.EventuallyAsync(db => db.Tasks.AsNoTracking().Where(t => t.SnowEventId == _snowEventId).ToListAsync(),
            t => t.Count == 3, "three plan tasks");
        var snowEvent = await _dispatch.QueryAsync(db => db.SnowEvents.AsNoTracking().SingleAsync(e => e.CorrelationId == _snowEventId));

        Assert.Equal("Prepare", snowEvent.CurrentState);
        Assert.Equal("ana", snowEvent.ActivatedBy);
        Assert.Equal(2, tasks.Count(t => t.Kind == TaskKind.DeIcing));
        Assert.Equal(["spreader-1", "spreader-2"], tasks.Where(t => t.Kind == TaskKind.DeIcing).Select(t => t.CrewId).Order());
        Assert.Equal("street-1", tasks.Single(t => t.Kind == TaskKind.FrontageNotice).CrewId);
        Assert.True(await _dispatch.Harness.Published.Any<PlowRoutesRequested>(m => m.Context.Message.SnowEventId == _snowEventId));
        await _dispatch.SettleAsync();
        Assert.Equal(3, _dispatch.Harness.Published.Select<TaskAssigned>().Count());
    }

    [Fact]
    public async Task Should_create_one_set_of_tasks_when_activated_twice()
    {
        await ActivateAsync("ana");
        await ActivateAsync("bo");
        await _dispatch.SettleAsync();

        var tasks = await _dispatch.QueryAsync(db => db.Tasks.CountAsync(t => t.SnowEventId == _snowEventId));
        var snowEvent = await _dispatch.QueryAsync(db => db.SnowEvents.AsNoTracking().SingleAsync(e => e.CorrelationId == _snowEventId));
        Assert.Equal(3, tasks);
        Assert.Single(_dispatch.Harness.Published.Select<SnowEventActivated>());
        Assert.Equal("ana", snowEvent.ActivatedBy);
    }

    [Fact]
    public async Task Should_turn_each_planned_route_into_a_plow_task_once()
    {
        await ActivateAsync();
        await _dispatch.EventuallyAsync(db => db.Tasks.CountAsync(t => t.SnowEventId == _snowEventId), n => n == 3, "plan tasks");
        var route = new PlannedRoute(Guid.NewGuid(), "route 1", "P1", 1234.5, "MULTILINESTRING ((7.42 43.73, 7.43 43.74))", ["Boulevard"]);
        var assigned = new PlowRoutesAssigned(_snowEventId, [route]);

        await _dispatch.Harness.Bus.Publish(assigned);
        await _dispatch.Harness.Bus.Publish(assigned);
        await _dispatch.SettleAsync();

        var plow = await _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.Kind == TaskKind.PlowRoute).ToListAsync());
        var task = Assert.Single(plow);
        Assert.Equal("plow-1", task.CrewId);
        Assert.Equal(1234.5, task.LengthMeters);
        Assert.Equal("LineString", task.Geometry!.GetGeometryN(0).GeometryType);
    }
}
