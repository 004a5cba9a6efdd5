using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Testing;

namespace SnowOps.Status.Tests;

/// <summary>The read model over a real SQLite file, fed through MassTransit's in-memory harness.</summary>
public sealed class When_events_are_projected : IAsyncLifetime
{
    ModuleHarness<StatusDbContext, StatusSqliteContext> _status = null!;

    static readonly Guid SnowEvent = Guid.NewGuid();
    static readonly Guid TaskA = Guid.NewGuid();
    static readonly Guid TaskB = Guid.NewGuid();
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));

    static readonly object[] Storm =
    [
        new SnowEventProposed(SnowEvent, null, Hazard.Snowstorm, AlertLevel.Orange, "Orange snowstorm", "snow", T0),
        new SnowEventPhaseChanged(SnowEvent, SnowPhase.Prepare, "ana", T0.AddMinutes(5)),
        new TaskAssigned(TaskA, SnowEvent, TaskKind.DeIcing, "De-ice bridges", "spreader-1", null, null, T0.AddMinutes(5), null),
        new TaskAssigned(TaskB, SnowEvent, TaskKind.FrontageNotice, "Notify shops", "street-1", null, null, T0.AddMinutes(5), null),
        new TaskStateChanged(TaskA, SnowEvent, TaskState.Accepted, "spreader-1", T0.AddMinutes(7)),
        new TaskStateChanged(TaskA, SnowEvent, TaskState.Completed, "spreader-1", T0.AddMinutes(50)),
    ];

    public Task InitializeAsync()
    {
        _status = new ModuleHarness<StatusDbContext, StatusSqliteContext>(StatusModule.AddConsumers);
        return _status.StartAsync();
    }

    public Task DisposeAsync() => _status.DisposeAsync().AsTask();

    async Task PlayAsync(IEnumerable<object> events)
    {
        await _status.DeliverAsync([.. events]);
    }

    Task<string> SnapshotAsync() => _status.QueryAsync(async db =>
    {
        var events = await db.SnowEvents.AsNoTracking().OrderBy(e => e.SnowEventId).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().OrderBy(t => t.TaskId).ToListAsync();
        return string.Join('\n', events.Select(e => $"{e.SnowEventId} {e.Title} {e.Level} {e.Phase}")
            .Concat(tasks.Select(t => $"{t.TaskId} {t.Kind} {t.Title} {t.CrewId} {t.State}")));
    });

    [Fact]
    public async Task Should_show_the_event_its_phase_and_each_task_state()
    {
        await PlayAsync(Storm);

        var snapshot = await SnapshotAsync();
        Assert.Contains($"{SnowEvent} Orange snowstorm Orange Prepare", snapshot);
        Assert.Contains($"{TaskA} DeIcing De-ice bridges spreader-1 Completed", snapshot);
        Assert.Contains($"{TaskB} FrontageNotice Notify shops street-1 Assigned", snapshot);
    }

    [Fact]
    public async Task Should_show_the_raised_level_after_an_escalation_whichever_arrives_first()
    {
        var escalated = new SnowEventEscalated(SnowEvent, AlertLevel.Orange, AlertLevel.Red, "snow-severe", 2, "system", T0.AddHours(1));
        await PlayAsync([escalated, .. Storm]);

        Assert.Contains($"{SnowEvent} Orange snowstorm Red Prepare", await SnapshotAsync());
    }

    [Fact]
    public async Task Should_give_the_same_read_model_when_every_event_is_replayed()
    {
        await PlayAsync(Storm);
        var once = await SnapshotAsync();
        await PlayAsync(Storm);

        Assert.Equal(once, await SnapshotAsync());
    }

    [Fact]
    public async Task Should_give_the_same_read_model_when_events_arrive_in_reverse()
    {
        await PlayAsync(Storm);
        var inOrder = await SnapshotAsync();
        await DisposeAsync();
        await InitializeAsync();

        await PlayAsync(Storm.Reverse());

        Assert.Equal(inOrder, await SnapshotAsync());
    }
}
