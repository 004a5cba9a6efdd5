using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using static SnowOps.Heating.Tests.Checks.CheckHarness;

namespace SnowOps.Heating.Tests.Checks;

/// <summary>
/// In a cold wave there are more compounds due than inspectors: each company gets as many checks a day as its inspectors
/// can make, the highest risk first; the rest wait for the next day and are not dropped. A rerun adds nothing.
/// </summary>
public sealed class When_checks_exceed_a_companys_capacity : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    readonly CheckHarness _heating = new(new SpecInputs(Start), o => o.ColdWaveCheckEveryHours = 24);

    public async Task InitializeAsync()
    {
        await _heating.StartAsync();
        // Risk by age: a1 oldest … a5 newest; b has one inspector for two compounds.
        await _heating.AddAsync(Company("north-heat", capacity: 2), Company("south-heat", capacity: 1),
            Compound("a1", "north-heat", built: 1960), Compound("a2", "north-heat", built: 1970), Compound("a3", "north-heat", built: 1980),
            Compound("a4", "north-heat", built: 1990), Compound("a5", "north-heat", built: 2000),
            Compound("b1", "south-heat", built: 1990), Compound("b2", "south-heat", built: 1965));
        await _heating.DeliverAsync(new WeatherAlertIssued(Guid.NewGuid(), "cw-1", "cma", Hazard.ColdWave, AlertLevel.Red, "寒潮红色预警", null, null,
            null, Start, Start, Start.AddDays(10), []));
    }

    public Task DisposeAsync() => _heating.DisposeAsync().AsTask();

    List<string> RequestedSince(int before) => [.. _heating.Requests().Skip(before).Select(r => r.SubjectId!)];

    [Fact]
    public async Task Should_request_the_highest_risk_compounds_within_each_companys_daily_capacity()
    {
        var outcome = await _heating.RunAsync();

        Assert.Equal(["a1", "a2", "b2"], RequestedSince(0).Order());
        Assert.Equal(3, outcome.Requested);
        Assert.Equal(4, outcome.Waiting);
        var waiting = (await _heating.ChecksAsync()).Where(c => c.State == ScheduledCheck.Waiting).Select(c => c.CompoundId).Order();
        Assert.Equal(["a3", "a4", "a5", "b1"], waiting);
    }

    [Fact]
    public async Task Should_add_nothing_when_it_runs_again_the_same_day()
    {
        await _heating.RunAsync();
        var checks = (await _heating.ChecksAsync()).Count;

        _heating.Now = Start.AddHours(5);
        await _heating.RunAsync();
        await _heating.RunAsync();

        Assert.Equal(3, _heating.Requests().Count);
        Assert.Equal(checks, (await _heating.ChecksAsync()).Count);
    }

    [Fact]
    public async Task Should_give_the_next_days_capacity_to_the_highest_risk_again_while_the_cold_wave_keeps_all_due()
    {
        await _heating.RunAsync();

        // The next day the first ones are due again and are riskier; the cold wave keeps everyone due daily.
        _heating.Now = Start.AddHours(22);
        await _heating.RunAsync();
        Assert.Equal(3, _heating.Requests().Count);
        _heating.Now = Start.AddDays(1);
        await _heating.RunAsync();

        Assert.Equal(["a1", "a2", "b2"], RequestedSince(3).Order());
        Assert.Equal(["a3", "a4", "a5", "b1"], (await _heating.ChecksAsync()).Where(c => c.State == ScheduledCheck.Waiting).Select(c => c.CompoundId).Order());
    }

    [Fact]
    public async Task Should_give_waiting_compounds_the_capacity_once_the_riskier_ones_are_not_due()
    {
        // Outside a cold wave (weekly), yesterday's checks are not due again: the waiting ones come next, by risk.
        var before = await _heating.QueryAsync(db => Task.FromResult(db.ColdOperations.ToList()));
        await _heating.DeliverAsync(new WeatherAlertCancelled(before.Single().AlertId!.Value, Start));
        await _heating.RunAsync();

        _heating.Now = Start.AddDays(1);
        await _heating.RunAsync();
        _heating.Now = Start.AddDays(2);
        await _heating.RunAsync();

        var all = _heating.Requests().Select(r => r.SubjectId!).ToList();
        Assert.Equal(["a1", "a2", "b2"], all.Take(3).Order());
        Assert.Equal(["a3", "a4", "b1"], all.Skip(3).Take(3).Order());
        Assert.Equal(["a5"], all.Skip(6));
        Assert.DoesNotContain(await _heating.ChecksAsync(), c => c.State == ScheduledCheck.Waiting);
        // A waiting check keeps the key of the hour it was found due.
        Assert.Equal("heating:check:a5:2026120701", _heating.Requests()[^1].SourceKey);
    }

    [Fact]
    public async Task Should_count_the_days_capacity_in_the_configured_time_zone()
    {
        await using var beijing = new CheckHarness(new SpecInputs(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero)), o => o.TimeZone = "Asia/Shanghai");
        await beijing.StartAsync();
        await beijing.AddAsync(Company("north-heat", capacity: 1), Compound("x", "north-heat", built: 1960), Compound("y", "north-heat"));

        await beijing.RunAsync();
        Assert.Equal(["x"], beijing.Requests().Select(r => r.SubjectId));
        // 15:00 UTC is 23:00 in Beijing; at 16:30 UTC a new Beijing day has begun with fresh capacity.
        beijing.Now = beijing.Now.AddHours(1.5);
        await beijing.RunAsync();

        Assert.Equal(["x", "y"], beijing.Requests().Select(r => r.SubjectId));
        Assert.Equal(["2026-12-07", "2026-12-08"], (await beijing.ChecksAsync()).Select(c => c.Day).Order());
    }

    [Fact]
    public async Task Should_send_a_check_that_was_saved_but_not_sent_on_the_next_run_and_only_once()
    {
        await _heating.AddAsync(new ScheduledCheck
        {
            Id = Guid.NewGuid(), CompoundId = "a1", CompanyId = "north-heat", Slot = Start, SourceKey = "heating:check:a1:2026120701",
            State = ScheduledCheck.Requested, Found = Start, RequestedAt = Start, Day = "2026-12-07", Due = Start.AddHours(23), Risk = 1,
        });

        var outcome = await _heating.RunAsync();
        await _heating.RunAsync();

        Assert.Equal(1, outcome.Resent);
        Assert.Single(_heating.Requests(), r => r.SourceKey == "heating:check:a1:2026120701");
        Assert.True((await _heating.ChecksAsync()).Single(c => c.CompoundId == "a1").Published);
        // It used one of north-heat's two checks for the day.
        Assert.Equal(["a1", "a2", "b2"], _heating.Requests().Select(r => r.SubjectId!).Order());
    }
}
