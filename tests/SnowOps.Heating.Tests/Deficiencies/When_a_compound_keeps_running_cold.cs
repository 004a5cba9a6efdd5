using SnowOps.Contracts;
using SnowOps.Heating.Deficiencies;

namespace SnowOps.Heating.Tests.Deficiencies;

/// <summary>Two deficiencies of one compound within 30 days flag it for continuous monitoring (the city's numbers, configurable).</summary>
public sealed class When_a_compound_keeps_running_cold : IAsyncLifetime
{
    const string Compound = "tuanjiehu-12";
    static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    readonly DeficiencyHarness _heating = new();

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.SeedAsync(Compound);
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    /// <summary>Found cold, repaired, and re-checked warm: one deficiency opened and closed.</summary>
    async Task ColdThenFixedAsync(DateTimeOffset found)
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.0, found);
        var repair = Guid.NewGuid();
        // One at a time, each taken by every consumer before the next: each step depends on the one before.
        object[] steps =
        [
            cold,
            new TaskAssigned(repair, Guid.Empty, TaskKind.HeatingRepair, "repair", "crew-1", null, null, found, null,
                SourceKey: "request:" + DeficiencyKeys.RepairKey(DeficiencyKeys.IdFor(cold.ReadingId), 1), SubjectId: Compound),
            new TaskStateChanged(repair, Guid.Empty, TaskState.Completed, "crew-1", found.AddHours(4)),
            DeficiencyHarness.Measurement(Compound, 19.0, found.AddHours(6)),
        ];
        foreach (var step in steps)
            await _heating.DeliverAsync(step);
    }

    [Fact]
    public async Task Should_flag_the_compound_at_the_second_deficiency_within_the_window()
    {
        await ColdThenFixedAsync(Start);
        Assert.Null((await _heating.CompoundAsync(Compound)).MonitoredSince);

        await ColdThenFixedAsync(Start.AddDays(20));

        Assert.Equal(2, (await _heating.DeficienciesAsync()).Count(d => !d.IsOpen));
        Assert.Equal(Start.AddDays(20), (await _heating.CompoundAsync(Compound)).MonitoredSince);
    }

    [Fact]
    public async Task Should_not_flag_deficiencies_further_apart_than_the_window()
    {
        await ColdThenFixedAsync(Start);
        await ColdThenFixedAsync(Start.AddDays(31));

        Assert.Equal(2, (await _heating.DeficienciesAsync()).Count);
        Assert.Null((await _heating.CompoundAsync(Compound)).MonitoredSince);
    }
}
