using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

public sealed class When_a_crew_reports_a_problem : IAsyncLifetime
{
    readonly DispatchHarness _dispatch = new();
    readonly Guid _snowEvent = Guid.NewGuid();
    readonly DateTimeOffset _at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
    CrewTask _task = null!;

    public async Task InitializeAsync()
    {
        await _dispatch.StartAsync();
        _task = await _dispatch.CreateTaskAsync(TaskKind.FrontageNotice, snowEventId: _snowEvent);
        await _dispatch.DeliverAsync(new TaskStarted(_task.Id, "street-1", _at));
    }

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_put_it_on_the_snow_events_timeline_once_and_leave_the_task_as_it_is()
    {
        var photo = Guid.NewGuid();
        var problem = new TaskProblemReported(_task.Id, "street-1", "Shop shutters down, nobody to tell", _at.AddMinutes(5), photo);

        await _dispatch.DeliverAsync(problem, problem);

        var entry = Assert.Single(await EntriesAsync("problem:"));
        Assert.Equal(("street-1", _at.AddMinutes(5)), (entry.By, entry.At));
        Assert.Contains(_task.Title, entry.What);
        Assert.Contains("Shop shutters down", entry.Detail);
        Assert.Contains($"/api/crew/photos/{photo}", entry.Detail);
        var task = await _dispatch.TaskAsync(_task.Id);
        Assert.Equal((TaskState.Started, _task.Version + 1), (task.State, task.Version));
        Assert.Equal([TaskState.Started], _dispatch.StateChanges(_task.Id).Select(c => c.State));
    }

    [Fact]
    public async Task Should_record_two_different_problems_as_two_entries()
    {
        await _dispatch.DeliverAsync(
            new TaskProblemReported(_task.Id, "street-1", "Road closed", _at.AddMinutes(5)),
            new TaskProblemReported(_task.Id, "street-1", "Still closed", _at.AddMinutes(9)));

        Assert.Equal(["Road closed", "Still closed"], (await EntriesAsync("problem:")).Select(e => e.Detail));
    }

    [Fact]
    public async Task Should_put_a_completion_photo_on_the_timeline_once()
    {
        var photo = new TaskPhotoAttached(_task.Id, "street-1", Guid.NewGuid(), "completion", _at.AddMinutes(40));

        await _dispatch.DeliverAsync(photo, photo);

        var entry = Assert.Single(await EntriesAsync("photo:"));
        Assert.StartsWith("Photo (completion)", entry.What);
        Assert.Equal($"/api/crew/photos/{photo.PhotoId}", entry.Detail);
    }

    [Fact]
    public async Task Should_ignore_a_problem_with_an_unknown_task()
    {
        await _dispatch.DeliverAsync(new TaskProblemReported(Guid.NewGuid(), "street-1", "Where am I?", _at));

        Assert.Empty(await EntriesAsync("problem:"));
        Assert.Equal(0, await _dispatch.QueryAsync(db => db.Timeline.CountAsync(t => t.Key.StartsWith("problem:"))));
    }

    Task<List<TimelineEntry>> EntriesAsync(string prefix) => _dispatch.QueryAsync(db =>
        db.Timeline.AsNoTracking().Where(t => t.SnowEventId == _snowEvent && t.Key.StartsWith(prefix)).OrderBy(t => t.At).ToListAsync());
}
