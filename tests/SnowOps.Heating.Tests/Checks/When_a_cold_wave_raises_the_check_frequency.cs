using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using static SnowOps.Heating.Tests.Checks.CheckHarness;

namespace SnowOps.Heating.Tests.Checks;

/// <summary>
/// Compounds are checked weekly in normal times; a cold-wave warning makes it daily until it is cancelled, and a plan's
/// heating actions set their own frequency until the snow event closes.
/// </summary>
public sealed class When_a_cold_wave_raises_the_check_frequency : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    readonly CheckHarness _heating = new(new SpecInputs(Start));

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        await _heating.AddAsync(Company("north-heat", capacity: 50, zone: "north"),
            Compound("a", "north-heat"), Compound("b", "north-heat"), Compound("c", "north-heat"));
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    static WeatherAlertIssued ColdWave(Guid id, DateTimeOffset sent, DateTimeOffset expires, Hazard hazard = Hazard.ColdWave) =>
        new(id, "cma-" + id.ToString("N")[..6], "cma", hazard, AlertLevel.Orange, "寒潮橙色预警", "Cold wave", "City", null, sent, sent, expires, []);

    async Task<int> RequestsAtAsync(TimeSpan after)
    {
        _heating.Now = Start + after;
        var before = _heating.Requests().Count;
        await _heating.RunAsync();
        return _heating.Requests().Count - before;
    }

    [Fact]
    public async Task Should_check_every_compound_weekly_in_normal_times()
    {
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(1)));
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(6.9)));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task Should_check_every_day_while_a_cold_wave_warning_lasts_and_weekly_again_once_it_is_cancelled()
    {
        var alert = Guid.NewGuid();
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        var warning = ColdWave(alert, Start.AddHours(2), Start.AddDays(5));
        await _heating.DeliverAsync(warning, warning);

        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromHours(12)));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(1)));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(2)));

        await _heating.DeliverAsync(new WeatherAlertCancelled(alert, Start.AddDays(2.5)));
        // A late copy of the warning does not bring the daily checks back.
        await _heating.DeliverAsync(warning);
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(3)));
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(8.9)));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(9)));
    }

    [Fact]
    public async Task Should_end_the_daily_checks_when_the_warning_expires()
    {
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        await _heating.DeliverAsync(ColdWave(Guid.NewGuid(), Start, Start.AddDays(1.5)));

        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(1)));
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task Should_stop_the_daily_checks_when_the_warning_is_updated_into_another_hazard()
    {
        var alert = Guid.NewGuid();
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        await _heating.DeliverAsync(ColdWave(alert, Start, Start.AddDays(5)));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromDays(1)));

        await _heating.DeliverAsync(new WeatherAlertUpdated(alert, "cma-2", Hazard.Snowstorm, AlertLevel.Yellow, null, null, Start.AddDays(1.2), Start,
            Start.AddDays(5), []));

        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task Should_ignore_a_warning_of_another_hazard()
    {
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        await _heating.DeliverAsync(ColdWave(Guid.NewGuid(), Start, Start.AddDays(5), Hazard.Snowstorm));

        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task Should_check_at_the_plans_frequency_for_the_snow_event_until_it_closes()
    {
        var snowEvent = Guid.NewGuid();
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));
        var actions = new HeatingActionsRequested(snowEvent, Hazard.ColdWave, AlertLevel.Red, 3, 12, ["old"], [], Start.AddHours(1));
        await _heating.DeliverAsync(actions);
        await _heating.DeliverAsync(actions);

        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromHours(12)));
        Assert.All(_heating.Requests().TakeLast(3), r => Assert.Equal(snowEvent, r.SnowEventId));
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.FromHours(24)));

        await _heating.DeliverAsync(new SnowEventPhaseChanged(snowEvent, SnowPhase.Closed, "system", Start.AddHours(30)));
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromHours(36)));
        // A late copy of the plan's request does not open the closed event again.
        await _heating.DeliverAsync(actions);
        Assert.Equal(0, await RequestsAtAsync(TimeSpan.FromHours(48)));
    }

    [Fact]
    public async Task Should_check_a_monitored_compound_daily_in_normal_times()
    {
        await _heating.QueryAsync(async db =>
        {
            var c = await db.Compounds.FindAsync("b");
            c!.MonitoredSince = Start.AddDays(-3);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(3, await RequestsAtAsync(TimeSpan.Zero));

        Assert.Equal(1, await RequestsAtAsync(TimeSpan.FromDays(1)));
        Assert.Equal("b", _heating.Requests()[^1].SubjectId);
    }

    [Fact]
    public async Task Should_count_a_recent_reading_as_a_check()
    {
        await _heating.QueryAsync(async db =>
        {
            var c = await db.Compounds.FindAsync("c");
            (c!.LastReadingCelsius, c.LastReadingAt) = (19.5, Start.AddDays(-2));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(2, await RequestsAtAsync(TimeSpan.Zero));
        Assert.Equal(1, await RequestsAtAsync(TimeSpan.FromDays(5)));
    }

    [Fact]
    public async Task Should_ask_dispatch_for_a_temperature_check_with_a_stable_key_the_compound_its_place_and_zone()
    {
        await RequestsAtAsync(TimeSpan.Zero);

        var request = _heating.Requests().Single(r => r.SubjectId == "a");
        Assert.Equal("heating:check:a:2026120701", request.SourceKey);
        Assert.Equal(TaskKind.TemperatureCheck, request.Kind);
        Assert.Equal("heating", request.RequestedBy);
        Assert.Equal("north", request.Zone);
        Assert.Equal("POINT (116.4 39.9)", request.GeometryWkt);
        Assert.Null(request.SnowEventId);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), request.Due);
        Assert.Contains("Compound a", request.Title);
    }

    [Fact]
    public async Task Should_note_the_task_dispatch_made_for_a_check()
    {
        await RequestsAtAsync(TimeSpan.Zero);
        var request = _heating.Requests().Single(r => r.SubjectId == "a");
        var taskId = Guid.NewGuid();

        var assigned = new TaskAssigned(taskId, Guid.Empty, TaskKind.TemperatureCheck, request.Title, "inspector-1", null, null, Start, request.Due,
            SourceKey: "request:" + request.SourceKey, SubjectId: "a");
        await _heating.DeliverAsync(assigned, assigned);

        var check = (await _heating.ChecksAsync()).Single(c => c.CompoundId == "a");
        Assert.Equal(taskId, check.TaskId);
        Assert.True((await _heating.ChecksAsync()).Where(c => c.CompoundId != "a").All(c => c.TaskId is null));
    }
}
