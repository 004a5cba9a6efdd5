using MassTransit;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Registry;

namespace SnowOps.Heating.Tests;

/// <summary>The ReadingRecorder keeps each measurement once, whether it came from the bot or the API, or came twice.</summary>
public sealed class When_a_reading_is_recorded : IAsyncLifetime
{
    readonly HeatingHarness _heating = new();
    static readonly DateTimeOffset Measured = new(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8));

    public Task InitializeAsync() => _heating.StartAsync();

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    static IndoorTemperatureRecorded Reading(double average) =>
        new(Guid.NewGuid(), null, "chaoyang-hujialou-3", [average - 0.2, average, average + 0.2], average, "inspector-7", Measured);

    Task<List<TemperatureReading>> StoredAsync() => _heating.QueryAsync(db => db.Readings.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Should_keep_the_measurement_with_its_readings_and_inspector()
    {
        var taskId = Guid.NewGuid();
        var reading = Reading(18.6) with { TaskId = taskId };

        await _heating.DeliverAsync(reading);

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(reading.ReadingId, stored.Id);
        Assert.Equal(taskId, stored.TaskId);
        Assert.Equal("chaoyang-hujialou-3", stored.CompoundId);
        Assert.Equal("inspector-7", stored.InspectorId);
        Assert.Equal(18.6, stored.AverageCelsius, precision: 6);
        Assert.Equal(reading.Readings, stored.Readings);
        Assert.Equal(Measured, stored.Measured);
    }

    [Fact]
    public async Task Should_keep_the_home_the_inspector_named()
    {
        await _heating.DeliverAsync(Reading(18.6) with { Home = "3-2-401" }, Reading(19.1));

        var stored = await StoredAsync();
        Assert.Equal(["3-2-401", null], stored.OrderBy(r => r.AverageCelsius).Select(r => r.Home));
    }

    [Fact]
    public async Task Should_store_a_measurement_once_when_it_is_delivered_twice()
    {
        var reading = Reading(17.5);

        await _heating.DeliverAsync(reading);
        await _heating.DeliverAsync(reading);

        Assert.Single(await StoredAsync());
        Assert.Equal(2, _heating.Harness.Consumed.Select<IndoorTemperatureRecorded>(m => m.Context.Message.ReadingId == reading.ReadingId).Count());
        Assert.Empty(_heating.Harness.Published.Select<Fault<IndoorTemperatureRecorded>>());
    }

    [Fact]
    public async Task Should_keep_two_different_measurements_of_the_same_compound()
    {
        await _heating.DeliverAsync(Reading(18.2));
        await _heating.DeliverAsync(Reading(18.2));

        Assert.Equal(2, (await StoredAsync()).Count);
    }
}

/// <summary>Beijing's indoor standard is 18 °C: a home measured below it is flagged for the heating company.</summary>
public sealed class When_a_reading_is_judged_against_the_standard : IAsyncLifetime
{
    readonly HeatingHarness _heating = new();

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.QueryAsync(db =>
        {
            db.Compounds.Add(new Compound { CompoundId = "chaoyang-hujialou-3", Name = "Hujialou 3", CompanyId = "east" });
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    [Theory]
    [InlineData(17.5, true)]
    [InlineData(17.99, true)]
    [InlineData(18.0, false)]
    [InlineData(21.3, false)]
    public async Task Should_mark_a_home_below_the_18_degree_standard(double average, bool below)
    {
        await _heating.DeliverAsync(new IndoorTemperatureRecorded(Guid.NewGuid(), null, "chaoyang-hujialou-3",
            [average - 0.2, average, average + 0.2], average, "inspector-7", DateTimeOffset.UtcNow));

        var stored = await _heating.QueryAsync(db => db.Readings.AsNoTracking().SingleAsync());
        Assert.Equal(below, stored.BelowStandard);
    }
}

/// <summary>The standard is the city's: where it is 16 °C, 17.5 °C is not below it.</summary>
public sealed class When_a_city_sets_its_own_indoor_standard : IAsyncLifetime
{
    readonly HeatingHarness _heating = new(method => method.StandardCelsius = 16);

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.QueryAsync(db =>
        {
            db.Compounds.Add(new Compound { CompoundId = "c-1", Name = "C 1", CompanyId = "east" });
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    [Theory]
    [InlineData(17.5, false)]
    [InlineData(15.8, true)]
    public async Task Should_judge_readings_against_that_standard(double average, bool below)
    {
        await _heating.DeliverAsync(new IndoorTemperatureRecorded(Guid.NewGuid(), null, "c-1", [average, average, average], average, "i-1", DateTimeOffset.UtcNow));

        var stored = await _heating.QueryAsync(db => db.Readings.AsNoTracking().SingleAsync());
        Assert.Equal(below, stored.BelowStandard);
    }
}
