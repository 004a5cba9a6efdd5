using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Dispatch.Tasks;

namespace SnowOps.Dispatch.Tests;

/// <summary>
/// Completions that arrive together are saved as a batch, and the batch's state changes leave Dispatch together: one
/// <see cref="TaskStateChanges"/> per batch instead of a message per task, each completion in exactly one of them.
/// </summary>
public sealed class When_many_crews_complete_at_once : IAsyncLifetime
{
    const int Tasks = 20;
    readonly DispatchHarness _dispatch = new();

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_publish_the_completions_of_a_batch_in_one_message_each_completion_once()
    {
        var created = new List<CrewTask>();
        for (var i = 0; i < Tasks; i++)
            created.Add(await _dispatch.CreateTaskAsync(TaskKind.PlowRoute));
        var tasks = created.Select(t => t.Id).ToList();
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

        // All at once, every completion twice: the consumer takes them in one batch, or in a few.
        var completions = created.Select((t, n) => new TaskCompleted(t.Id, t.CrewId!, at.AddSeconds(n), null)).ToList();
        await Task.WhenAll(completions.Concat(completions).Select(c => _dispatch.Harness.Bus.Publish(c)));
        await _dispatch.EventuallyAsync(db => db.Tasks.AsNoTracking().CountAsync(t => tasks.Contains(t.Id) && t.State == TaskState.Completed),
            n => n == Tasks, "every task completed");
        await _dispatch.SettleAsync();

        var together = _dispatch.Harness.Published.Select<TaskStateChanges>().Select(m => m.Context.Message).ToList();
        var completed = together.SelectMany(m => m.Changes).Where(c => c.State == TaskState.Completed).ToList();
        Assert.Equal(tasks.Order(), completed.Select(c => c.TaskId).Order());
        Assert.All(completed, c => Assert.Equal(at.AddSeconds(tasks.IndexOf(c.TaskId)), c.Changed));
        Assert.InRange(together.Count, 1, Tasks - 1);
        Assert.All(together, m => Assert.NotEmpty(m.Changes));
        Assert.DoesNotContain(_dispatch.Harness.Published.Select<TaskStateChanged>(), m => m.Context.Message.State == TaskState.Completed);
        var versions = await _dispatch.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => tasks.Contains(t.Id)).Select(t => t.Version).ToListAsync());
        Assert.Equal(Tasks, versions.Count);
        Assert.Single(versions.Distinct());
    }
}
