using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;
using SnowOps.Testing;
using static SnowOps.Status.Tests.StatusHistory;

namespace SnowOps.Status.Tests;

public sealed class When_tasks_are_projected : IAsyncLifetime
{
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _status = new(StatusModule.AddConsumers);

    public Task InitializeAsync() => _status.StartAsync();

    public Task DisposeAsync() => _status.DisposeAsync().AsTask();

    Task<TaskRow> RowAsync(Guid id) => _status.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.TaskId == id));

    static TaskAssigned Assigned(Guid id) =>
        new(id, SnowEvent, TaskKind.PlowRoute, "Plow route A", "plow-1", Line, 1200, T0, T0.AddHours(4), PriorityClass: "P1", SourceKey: "route:a");

    [Fact]
    public async Task Should_show_what_the_task_is_and_where()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Assigned(id));

        var row = await RowAsync(id);
        Assert.Equal((TaskKind.PlowRoute, "plow-1", TaskState.Assigned, "P1", "route:a", Line, T0.AddHours(4)),
            (row.Kind, row.CrewId, row.State, row.PriorityClass, row.SourceKey, row.GeometryWkt, row.Due));
    }

    [Fact]
    public async Task Should_keep_the_newest_state_when_an_older_change_arrives_late()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Assigned(id),
            new TaskStateChanged(id, SnowEvent, TaskState.Completed, "plow-1", T0.AddHours(2)),
            new TaskStateChanged(id, SnowEvent, TaskState.Started, "plow-1", T0.AddHours(1)));

        var row = await RowAsync(id);
        Assert.Equal(TaskState.Completed, row.State);
        Assert.Equal(T0.AddHours(2), row.StateChanged);
    }

    [Fact]
    public async Task Should_project_each_change_dispatch_made_together_by_the_same_rule()
    {
        var (done, started, late) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _status.DeliverAsync(Assigned(done), Assigned(started), Assigned(late),
            new TaskStateChanged(late, SnowEvent, TaskState.Completed, "plow-1", T0.AddHours(2)));

        var together = new TaskStateChanges([
            new TaskStateChanged(done, SnowEvent, TaskState.Started, "plow-1", T0.AddHours(1)),
            new TaskStateChanged(started, SnowEvent, TaskState.Started, "plow-2", T0.AddHours(1)),
            new TaskStateChanged(done, SnowEvent, TaskState.Completed, "plow-1", T0.AddHours(3)),
            new TaskStateChanged(late, SnowEvent, TaskState.Started, "plow-1", T0.AddHours(1))]);
        await _status.DeliverAsync(together, together);

        Assert.Equal((TaskState.Completed, T0.AddHours(3)), ((await RowAsync(done)).State, (await RowAsync(done)).StateChanged));
        Assert.Equal((TaskState.Started, "plow-2"), ((await RowAsync(started)).State, (await RowAsync(started)).CrewId));
        Assert.Equal((TaskState.Completed, T0.AddHours(2)), ((await RowAsync(late)).State, (await RowAsync(late)).StateChanged));
        var summary = await _status.QueryAsync(db => db.Tasks.AsNoTracking().CountAsync(t => t.State == TaskState.Completed));
        Assert.Equal(2, summary);
    }

    [Fact]
    public async Task Should_never_let_progress_fall_back_and_keep_the_newest_position()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Assigned(id),
            new TaskProgressReported(id, "plow-1", 39.95, 116.45, 60, T0.AddMinutes(60), 9),
            new TaskProgressReported(id, "plow-1", 39.91, 116.41, 30, T0.AddMinutes(30), 4),
            new TaskProgressReported(id, "plow-1", null, null, null, T0.AddMinutes(90)));

        var row = await RowAsync(id);
        Assert.Equal((60.0, 9), (row.PercentDone, row.SegmentsDone));
        Assert.Equal((39.95, 116.45, T0.AddMinutes(60)), (row.Latitude, row.Longitude, row.PositionReported));
    }

    [Fact]
    public async Task Should_take_a_burst_of_reports_from_many_trucks_at_once_in_any_order_and_repeated()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        await _status.DeliverAsync([.. ids.Select(Assigned)]);
        var reports = ids.SelectMany((id, truck) => Enumerable.Range(1, 20).Select(n =>
            new TaskProgressReported(id, $"plow-{truck}", 39.9 + n / 1000.0, 116.4 + truck / 100.0, n * 5, T0.AddMinutes(n), n))).ToList();
        // Shuffled with a fixed seed and every report sent twice, all at once: the projection takes them in batches.
        var random = new Random(7);
        List<TaskProgressReported> burst = [.. reports.Concat(reports).OrderBy(_ => random.Next())];
        foreach (var report in burst)
            await _status.Harness.Bus.Publish(report);
        await _status.Harness.QuietAsync();

        var rows = await _status.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => ids.Contains(t.TaskId)).ToListAsync());
        Assert.All(ids.Select((id, truck) => (Row: rows.Single(r => r.TaskId == id), Truck: truck)), x =>
            Assert.Equal((100.0, 20, 39.92, 116.4 + x.Truck / 100.0, T0.AddMinutes(20), TaskState.Assigned),
                (x.Row.PercentDone, x.Row.SegmentsDone, x.Row.Latitude, x.Row.Longitude, x.Row.PositionReported, x.Row.State)));
    }

    [Fact]
    public async Task Should_count_a_problem_once_however_often_it_is_delivered()
    {
        var id = Guid.NewGuid();
        var blocked = new TaskProblemReported(id, "plow-1", "Street blocked", T0.AddMinutes(20));
        await _status.DeliverAsync(Assigned(id), blocked, blocked, new TaskProblemReported(id, "plow-1", "Blade damaged", T0.AddMinutes(50)));

        Assert.Equal(2, (await RowAsync(id)).Problems);
    }

    [Fact]
    public async Task Should_give_the_crew_of_the_newest_announcement_when_a_task_is_reassigned()
    {
        var id = Guid.NewGuid();
        await _status.DeliverAsync(Assigned(id) with { CrewId = "plow-2", Assigned = T0.AddHours(1), Sent = 2 }, Assigned(id));

        Assert.Equal("plow-2", (await RowAsync(id)).CrewId);
    }
}
