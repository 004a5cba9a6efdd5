using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Data;
using SnowOps.Status.Data;
using SnowOps.Testing;

namespace SnowOps.Status.Tests;

/// <summary>The read model over a real SQLite file, fed through MassTransit's in-memory harness.</summary>
public sealed class When_events_are_projected : IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-status-" + Guid.NewGuid().ToString("N"));
    ServiceProvider _services = null!;
    ITestHarness _harness = null!;

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

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<StatusDbContext, StatusSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "status.db")));
        services.AddMassTransitTestHarness(StatusModule.AddConsumers);
        _services = services.BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StatusDbContext>().Database.MigrateAsync();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    async Task PlayAsync(IEnumerable<object> events)
    {
        // One at a time, in the order given: each is consumed before the next is sent.
        foreach (var e in events)
        {
            await _harness.Bus.Publish(e);
            await _harness.QuietAsync();
        }
    }

    async Task<string> SnapshotAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatusDbContext>();
        var events = await db.SnowEvents.AsNoTracking().OrderBy(e => e.SnowEventId).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().OrderBy(t => t.TaskId).ToListAsync();
        return string.Join('\n', events.Select(e => $"{e.SnowEventId} {e.Title} {e.Level} {e.Phase}")
            .Concat(tasks.Select(t => $"{t.TaskId} {t.Kind} {t.Title} {t.CrewId} {t.State}")));
    }

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
