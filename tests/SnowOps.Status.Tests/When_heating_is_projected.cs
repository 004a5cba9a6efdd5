using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Status.Data;
using SnowOps.Status.Projections;
using SnowOps.Testing;
using static SnowOps.Status.Tests.StatusHistory;

namespace SnowOps.Status.Tests;

public sealed class When_heating_is_projected : IAsyncLifetime
{
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _status = new(StatusModule.AddConsumers);

    public Task InitializeAsync() => _status.StartAsync();

    public Task DisposeAsync() => _status.DisposeAsync().AsTask();

    Task<CompoundReadingRow> ReadingAsync(string compound) =>
        _status.QueryAsync(db => db.CompoundReadings.AsNoTracking().SingleAsync(c => c.CompoundId == compound));

    static IndoorTemperatureRecorded Reading(Guid id, double average, DateTimeOffset measured, params string[] exclusions) =>
        new(id, null, "sunny-garden", [average], average, "heat-1", measured, "3-2-401", exclusions);

    static HeatingDeficiencyFound DeficiencyOf(Guid readingId, double average) =>
        new(Guid.NewGuid(), "sunny-garden", "north-heat", readingId, average, 18, T0);

    [Fact]
    public async Task Should_show_the_newest_measurement_whichever_arrives_first()
    {
        await _status.DeliverAsync(Reading(ColdReading, 16.5, T0.AddHours(3)), Reading(FirstReading, 19.5, T0.AddHours(1)));

        var row = await ReadingAsync("sunny-garden");
        Assert.Equal((ColdReading, 16.5, T0.AddHours(3)), (row.ReadingId, row.AverageCelsius, row.Measured));
    }

    [Fact]
    public async Task Should_mark_the_compound_below_standard_when_its_deficiency_arrives_before_the_reading()
    {
        await _status.DeliverAsync(DeficiencyOf(ColdReading, 16.5), Reading(ColdReading, 16.5, T0));

        Assert.True((await ReadingAsync("sunny-garden")).BelowStandard);
    }

    [Fact]
    public async Task Should_clear_below_standard_when_a_newer_measurement_passes()
    {
        await _status.DeliverAsync(Reading(ColdReading, 16.5, T0), DeficiencyOf(ColdReading, 16.5), Reading(FirstReading, 19.5, T0.AddHours(2)));

        Assert.False((await ReadingAsync("sunny-garden")).BelowStandard);
    }

    [Fact]
    public async Task Should_ignore_a_measurement_the_method_excludes()
    {
        await _status.DeliverAsync(Reading(FirstReading, 19.5, T0), Reading(ColdReading, 12.0, T0.AddHours(1), "window-open"));

        Assert.Equal(FirstReading, (await ReadingAsync("sunny-garden")).ReadingId);
    }

    [Fact]
    public async Task Should_record_a_deficiency_once_however_often_it_is_delivered()
    {
        var found = DeficiencyOf(ColdReading, 16.5);
        await _status.DeliverAsync(found, found);

        var row = Assert.Single(await _status.QueryAsync(db => db.Deficiencies.AsNoTracking().ToListAsync()));
        Assert.Equal(("north-heat", 18.0), (row.CompanyId, row.StandardCelsius));
    }
}
