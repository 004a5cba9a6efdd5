using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_another_module_requests_a_task : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        await _dispatch.AddCrewAsync("heat-1", TaskKind.HeatingRepair);
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    static CrewTaskRequested Repair(string key = "deficiency-17") =>
        new(key, null, TaskKind.HeatingRepair, "Repair the radiators of block 4", "POINT (116.40 39.91)", "east", DateTimeOffset.UtcNow.AddHours(6),
            "heating");

    [Fact]
    public async Task Should_create_one_standing_task_when_the_request_arrives_twice()
    {
        await _dispatch.DeliverAsync(Repair(), Repair());

        var tasks = await _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().ToListAsync());
        var task = Assert.Single(tasks);
        Assert.Equal((Guid.Empty, TaskRequests.KeyPrefix + "deficiency-17"), (task.SnowEventId, task.SourceKey));
        Assert.Equal((TaskKind.HeatingRepair, "heat-1", "east"), (task.Kind, task.CrewId, task.Zone));
        Assert.Equal("Point", task.Geometry!.GeometryType);
        var announced = Assert.Single(_dispatch.Harness.Published.Select<TaskAssigned>());
        Assert.Equal((task.Id, "heat-1"), (announced.Context.Message.TaskId, announced.Context.Message.CrewId));
    }

    [Fact]
    public async Task Should_create_the_task_in_the_snow_event_it_names()
    {
        var snowEventId = Guid.NewGuid();
        await _dispatch.Harness.Bus.Publish(new ProposeSnowEvent(snowEventId, null, Hazard.Snowstorm, AlertLevel.Blue, "Snow", "snow", DateTimeOffset.UtcNow));
        await _dispatch.EventuallyAsync(db => db.SnowEvents.CountAsync(e => e.CorrelationId == snowEventId), n => n == 1, "the event");

        await _dispatch.DeliverAsync(Repair() with { SnowEventId = snowEventId });

        Assert.Equal(snowEventId, await _dispatch.QueryAsync(db => db.Tasks.Select(t => t.SnowEventId).SingleAsync()));
    }

    [Fact]
    public async Task Should_name_what_the_task_is_about_on_every_assignment_of_it()
    {
        await _dispatch.AddCrewAsync("heat-2", TaskKind.HeatingRepair);
        await _dispatch.DeliverAsync(Repair() with { SubjectId = " chaoyang-hujialou-3 " });
        var task = await _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync());

        await _dispatch.DeliverAsync(new TaskDeclined(task.Id, task.CrewId!, "no parts", DateTimeOffset.UtcNow));

        Assert.Equal("chaoyang-hujialou-3", (await _dispatch.TaskAsync(task.Id)).SubjectId);
        var announced = _dispatch.Harness.Published.Select<TaskAssigned>().Select(m => m.Context.Message).ToList();
        Assert.Equal(2, announced.Select(a => a.CrewId).Distinct().Count());
        Assert.All(announced, a => Assert.Equal("chaoyang-hujialou-3", a.SubjectId));
    }

    public static TheoryData<string, CrewTaskRequested> Bad => new()
    {
        { "no title", Repair() with { Title = "  " } },
        { "no key", Repair("") },
        { "unknown kind", Repair() with { Kind = (TaskKind)42 } },
        { "not WKT", Repair() with { GeometryWkt = "POINT (116.40" } },
        { "not longitude/latitude", Repair() with { GeometryWkt = "POINT (450000 4400000)" } },
        { "unknown snow event", Repair() with { SnowEventId = Guid.NewGuid() } },
        { "blank subject", Repair() with { SubjectId = " " } },
        { "subject too long", Repair() with { SubjectId = new string('c', 129) } },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Should_drop_a_request_that_cannot_become_a_task(string why, CrewTaskRequested request)
    {
        await _dispatch.DeliverAsync(request);

        Assert.Equal(0, await _dispatch.QueryAsync(db => db.Tasks.CountAsync()));
        Assert.False(await _dispatch.Harness.Published.Any<Fault<CrewTaskRequested>>(), why);
        Assert.Single(_dispatch.Harness.Consumed.Select<CrewTaskRequested>());
    }
}
