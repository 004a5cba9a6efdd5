using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Tests.Deficiencies;

namespace SnowOps.Heating.Tests.Readings;

/// <summary>What a kept measurement counts for: an exclusion, an unknown compound or another compound's task keep it out of the count.</summary>
public sealed class When_a_measurement_is_judged : IAsyncLifetime
{
    const string Compound = "hujialou-3";
    static readonly DateTimeOffset Morning = new(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8));
    readonly DeficiencyHarness _heating = new();

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.SeedAsync(Compound, "other-compound");
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_keep_a_measurement_with_a_window_open_without_counting_it_and_say_why()
    {
        var excluded = DeficiencyHarness.Measurement(Compound, 15.0, Morning, null, " Window-Open ", "radiator-covered", "window-open");

        await _heating.DeliverAsync(excluded);

        var stored = await _heating.ReadingAsync(excluded.ReadingId);
        Assert.Equal(["window-open", "radiator-covered"], stored.Exclusions);
        Assert.False(stored.Counted);
        Assert.False(stored.BelowStandard);
        Assert.Equal("Not counted: window-open, radiator-covered.", stored.Verdict);
        Assert.Null((await _heating.CompoundAsync(Compound)).LastReadingAt);
        Assert.Empty(await _heating.DeficienciesAsync());
    }

    [Fact]
    public async Task Should_count_a_measurement_without_exclusions_and_name_the_standard()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 17.4, Morning);

        await _heating.DeliverAsync(cold);

        var stored = await _heating.ReadingAsync(cold.ReadingId);
        Assert.True(stored.Counted);
        Assert.True(stored.BelowStandard);
        Assert.Equal((18.0, false), (stored.StandardCelsius, stored.AtNight));
        Assert.Equal("Below the standard: 17.4 °C against 18 °C.", stored.Verdict);
    }

    [Fact]
    public async Task Should_keep_a_measurement_of_a_compound_not_in_the_registry_without_counting_it()
    {
        var stray = DeficiencyHarness.Measurement("nobody-knows", 12.0, Morning);

        await _heating.DeliverAsync(stray);

        var stored = await _heating.ReadingAsync(stray.ReadingId);
        Assert.False(stored.Counted);
        Assert.Equal("Not counted: compound 'nobody-knows' is not in the registry.", stored.Verdict);
        Assert.Empty(await _heating.DeficienciesAsync());
    }

    [Fact]
    public async Task Should_not_count_a_measurement_for_a_check_task_of_another_compound()
    {
        var taskId = Guid.NewGuid();
        var wrong = DeficiencyHarness.Measurement(Compound, 12.0, Morning, taskId);

        // The assignment is taken by more than one of Heating's consumers: all of them have it before the measurement comes.
        await _heating.DeliverAsync(
            new TaskAssigned(taskId, Guid.Empty, TaskKind.TemperatureCheck, "check", "crew-1", null, null, Morning, null,
                SourceKey: "request:heating:check:x", SubjectId: "other-compound"));
        await _heating.DeliverAsync(wrong);

        var stored = await _heating.ReadingAsync(wrong.ReadingId);
        Assert.False(stored.Counted);
        Assert.Contains("checks compound 'other-compound', not 'hujialou-3'", stored.Verdict);
        Assert.Empty(await _heating.DeficienciesAsync());
    }

    [Fact]
    public async Task Should_keep_the_newest_counted_measurement_as_the_compounds_last_reading()
    {
        await _heating.DeliverAsync(
            DeficiencyHarness.Measurement(Compound, 18.9, Morning),
            DeficiencyHarness.Measurement(Compound, 19.4, Morning.AddHours(-3)),
            DeficiencyHarness.Measurement(Compound, 12.0, Morning.AddHours(1), null, "window-open"));

        var compound = await _heating.CompoundAsync(Compound);
        Assert.Equal((18.9, Morning), (compound.LastReadingCelsius, compound.LastReadingAt));
    }

    [Fact]
    public async Task Should_tell_the_complaints_of_each_measurement_once_even_when_it_comes_twice()
    {
        var first = DeficiencyHarness.Measurement(Compound, 18.9, Morning);
        var excluded = DeficiencyHarness.Measurement(Compound, 15.0, Morning.AddHours(1), null, "window-open");

        await _heating.DeliverAsync(first, first, excluded);

        Assert.Equal([(Compound, Morning), (Compound, Morning.AddHours(1))], _heating.Checks.Calls);
        Assert.Equal(2, await _heating.QueryAsync(db => db.Readings.CountAsync()));
    }

    [Fact]
    public async Task Should_keep_a_second_measurement_of_the_same_task_and_home_as_its_own()
    {
        var taskId = Guid.NewGuid();
        var first = DeficiencyHarness.Measurement(Compound, 18.9, Morning, taskId) with { Home = "3-2-401" };
        var second = DeficiencyHarness.Measurement(Compound, 19.1, Morning.AddMinutes(20), taskId) with { Home = "3-2-401" };

        await _heating.DeliverAsync(first, second);

        var stored = await _heating.QueryAsync(db => db.Readings.AsNoTracking().Where(r => r.TaskId == taskId).ToListAsync());
        Assert.Equal(2, stored.Count(r => r.Counted));
    }
}
