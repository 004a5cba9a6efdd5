using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Status.Live;
using SnowOps.Status.Projections;
using static SnowOps.Status.Tests.StatusHistory;

namespace SnowOps.Status.Tests.Live;

public sealed class When_the_dashboard_watches_live : IAsyncLifetime
{
    readonly LiveServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    static TaskStateChanged Started(Guid id) => new(id, SnowEvent, TaskState.Started, "plow-1", T0.AddMinutes(10));

    [Fact]
    public async Task Should_push_a_task_change_to_the_committee_once_it_is_saved()
    {
        var id = Guid.NewGuid();
        await using var hub = _server.Hub(Roles.Committee);
        var tasks = new Heard(hub, StatusChangeNames.Task);
        await hub.StartAsync();

        await _server.DeliverAsync(Started(id));

        var change = await tasks.NextAsync();
        Assert.Equal((id, "Started", "plow-1", T0.AddMinutes(10)),
            (change.GetProperty("taskId").GetGuid(), change.GetProperty("state").GetString(), change.GetProperty("crewId").GetString(),
                change.GetProperty("changed").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Should_push_each_task_a_batch_changed_through_fewer_messages_than_tasks()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        await using var hub = _server.Hub(Roles.Committee);
        var tasks = new Heard(hub, StatusChangeNames.Task);
        await hub.StartAsync();

        await _server.PublishAtOnceAsync([.. ids.Select(Started)]);

        var heard = new List<Guid>();
        for (var i = 0; i < ids.Count; i++)
            heard.Add((await tasks.NextAsync()).GetProperty("taskId").GetGuid());
        Assert.Equal(ids.Order(), heard.Order());
        var pushes = _server.Published<StatusPushes>();
        Assert.Equal(ids.Count, pushes.Sum(p => p.Pushes.Count));
        Assert.True(pushes.Count < ids.Count, $"{pushes.Count} messages carried {ids.Count} changes of one batch");
        Assert.Empty(_server.Published<StatusPush>());
    }

    [Fact]
    public async Task Should_push_nothing_when_the_same_event_is_delivered_again()
    {
        var id = Guid.NewGuid();
        await using var hub = _server.Hub(Roles.Dispatcher);
        var tasks = new Heard(hub, StatusChangeNames.Task);
        await hub.StartAsync();

        await _server.DeliverAsync(Started(id));
        await tasks.NextAsync();
        await _server.DeliverAsync(Started(id), new TaskProgressReported(id, "plow-1", 39.9, 116.4, 40, T0.AddMinutes(20), 5));

        // Pushes arrive in order, so a push for the repeat would come before the progress.
        var next = await tasks.NextAsync();
        Assert.Equal((40.0, 5, 39.9), (next.GetProperty("percentDone").GetDouble(), next.GetProperty("segmentsDone").GetInt32(),
            next.GetProperty("lat").GetDouble()));
        // The push is dated by the progress report behind it; the state change keeps its own time.
        Assert.Equal((T0.AddMinutes(20), T0.AddMinutes(10)), (next.GetProperty("at").GetDateTimeOffset(), next.GetProperty("changed").GetDateTimeOffset()));
        Assert.Equal(0, tasks.Waiting);
    }

    [Fact]
    public async Task Should_push_nothing_while_the_read_model_is_rebuilt()
    {
        await using var hub = _server.Hub(Roles.Admin);
        var tasks = new Heard(hub, StatusChangeNames.Task);
        await hub.StartAsync();

        await _server.WithDbAsync(db => ReadModelRebuild.RebuildAsync(db, TimeProvider.System, Events));
        var id = Guid.NewGuid();
        await _server.DeliverAsync(Started(id));

        Assert.Equal(id, (await tasks.NextAsync()).GetProperty("taskId").GetGuid());
    }

    [Fact]
    public async Task Should_tell_of_alerts_snow_events_routes_and_compounds_as_they_change()
    {
        await using var hub = _server.Hub(Roles.Committee);
        var alerts = new Heard(hub, StatusChangeNames.Alert);
        var snowEvents = new Heard(hub, StatusChangeNames.SnowEvent);
        var routes = new Heard(hub, StatusChangeNames.Routes);
        var compounds = new Heard(hub, StatusChangeNames.CompoundReading);
        await hub.StartAsync();

        await _server.DeliverAsync(Events);

        var issued = await alerts.NextAsync();
        Assert.Equal((Alert, true), (issued.GetProperty("alertId").GetGuid(), issued.GetProperty("active").GetBoolean()));
        Assert.Equal("Clear", (await snowEvents.LastOfAsync(2)).GetProperty("phase").GetString());
        Assert.Equal(1, (await routes.LastOfAsync(2)).GetProperty("revision").GetInt32());
        var cold = await compounds.LastOfAsync(3);
        Assert.Equal(("sunny-garden", 16.5, true), (cold.GetProperty("compoundId").GetString(), cold.GetProperty("averageCelsius").GetDouble(),
            cold.GetProperty("belowStandard").GetBoolean()));
        Assert.False((await alerts.NextAsync()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Should_refuse_a_caller_without_a_token()
    {
        await using var hub = _server.Hub(role: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_crew()
    {
        await using var hub = _server.Hub(Roles.Crew);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
