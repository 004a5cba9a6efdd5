using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// What every card spec shares: a fresh CrewBot over its own SQLite file, one de-icing task for spreader-1
/// assigned at 06:00 Beijing time, and ways to read its card back.
/// </summary>
public abstract class CardSpec : IAsyncLifetime
{
    protected CrewBotHarness CrewBot { get; } = new();
    protected static readonly Guid SnowEvent = Guid.NewGuid();
    protected static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(8));
    protected Guid TaskId { get; } = Guid.NewGuid();

    public Task InitializeAsync() => CrewBot.StartAsync();

    public Task DisposeAsync() => CrewBot.DisposeAsync().AsTask();

    protected TaskAssigned Assigned(Guid? taskId = null) => new(taskId ?? TaskId, SnowEvent, TaskKind.DeIcing,
        "De-ice the Tonghui River bridges", "spreader-1", null, 1250.5, T0, T0.AddHours(2));

    protected TaskStateChanged Changed(TaskState state, int minutesAfterAssignment, Guid? taskId = null) =>
        new(taskId ?? TaskId, SnowEvent, state, "spreader-1", T0.AddMinutes(minutesAfterAssignment));

    protected Task<TaskCard> CardAsync(Guid? taskId = null)
    {
        var id = taskId ?? TaskId;
        return CrewBot.QueryAsync(db => db.Cards.AsNoTracking().SingleAsync(c => c.TaskId == id));
    }

    protected Task<List<TaskCard>> CardsAsync() => CrewBot.QueryAsync(db => db.Cards.AsNoTracking().OrderBy(c => c.TaskId).ToListAsync());

    /// <summary>Everything a crew sees of the card, and the time of the change it is at.</summary>
    protected static string Describe(TaskCard c) =>
        $"{c.SnowEventId} {c.CrewId} {c.Kind} {c.Title} {c.LengthMeters} {c.Due:O} {c.State} {c.Changed:O}";

    protected void AssertNoFaults()
    {
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskAssigned>>());
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskStateChanged>>());
        Assert.Empty(CrewBot.Harness.Published.Select<Fault<TaskStateChanges>>());
    }
}
