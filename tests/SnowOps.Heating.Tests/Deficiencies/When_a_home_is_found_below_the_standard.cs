using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.Heating.Deficiencies;

namespace SnowOps.Heating.Tests.Deficiencies;

/// <summary>Deficiency → repair → re-check, with Dispatch's answers published as Dispatch would publish them.</summary>
public sealed class When_a_home_is_found_below_the_standard : IAsyncLifetime
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

    List<CrewTaskRequested> Requested() => _heating.Harness.Published.Select<CrewTaskRequested>().Select(m => m.Context.Message).ToList();

    static TaskAssigned Assigned(Guid taskId, TaskKind kind, string key, DateTimeOffset at) =>
        new(taskId, Guid.Empty, kind, "work", "crew-1", null, null, at, null, SourceKey: "request:" + key, SubjectId: Compound);

    static TaskStateChanged Completed(Guid taskId, DateTimeOffset at) => new(taskId, Guid.Empty, TaskState.Completed, "crew-1", at, By: "crew-1");

    [Fact]
    public async Task Should_record_the_deficiency_announce_it_once_and_ask_for_a_repair_once()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.4, Morning);

        await _heating.DeliverAsync(cold, cold);

        var deficiency = Assert.Single(await _heating.DeficienciesAsync());
        Assert.Equal(DeficiencyKeys.IdFor(cold.ReadingId), deficiency.Id);
        Assert.Equal((Compound, DeficiencyHarness.CompanyId, cold.ReadingId, 16.4, 18.0), (deficiency.CompoundId, deficiency.CompanyId,
            deficiency.ReadingId, deficiency.AverageCelsius, deficiency.StandardCelsius));
        Assert.True(deficiency.IsOpen);
        var found = Assert.Single(_heating.Harness.Published.Select<HeatingDeficiencyFound>()).Context.Message;
        Assert.Equal((deficiency.Id, Compound, DeficiencyHarness.CompanyId, 16.4, 18.0, Morning),
            (found.DeficiencyId, found.CompoundId, found.CompanyId, found.AverageCelsius, found.StandardCelsius, found.Found));
        var repair = Assert.Single(Requested());
        Assert.Equal($"heating:repair:{deficiency.Id}", repair.SourceKey);
        Assert.Equal((TaskKind.HeatingRepair, Compound, DeficiencyHarness.Zone, "heating", Morning.AddHours(24)),
            (repair.Kind, repair.SubjectId, repair.Zone, repair.RequestedBy, repair.Due));
        Assert.Null(repair.SnowEventId);
    }

    [Fact]
    public async Task Should_ask_for_a_re_check_once_the_repair_is_done_and_close_on_a_warm_re_check()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.4, Morning);
        await _heating.DeliverAsync(cold);
        var id = DeficiencyKeys.IdFor(cold.ReadingId);
        var repairTask = Guid.NewGuid();
        var recheckTask = Guid.NewGuid();

        var assigned = Assigned(repairTask, TaskKind.HeatingRepair, $"heating:repair:{id}", Morning.AddMinutes(5));
        var done = Completed(repairTask, Morning.AddHours(6));
        await _heating.DeliverAsync(assigned, assigned, done, done);

        var recheck = Requested().Single(r => r.Kind == TaskKind.TemperatureCheck);
        Assert.Equal($"heating:recheck:{id}", recheck.SourceKey);
        Assert.Equal((Compound, DeficiencyHarness.Zone, Morning.AddHours(30)), (recheck.SubjectId, recheck.Zone, recheck.Due));
        var repaired = Assert.Single(await _heating.DeficienciesAsync());
        Assert.Equal((repairTask, Morning.AddHours(6)), (repaired.RepairTaskId, repaired.Repaired));

        var warm = DeficiencyHarness.Measurement(Compound, 18.6, Morning.AddHours(9), recheckTask);
        await _heating.DeliverAsync(Assigned(recheckTask, TaskKind.TemperatureCheck, recheck.SourceKey, Morning.AddHours(6)), warm, warm);

        var closed = Assert.Single(await _heating.DeficienciesAsync());
        Assert.Equal((recheckTask, Morning.AddHours(9), warm.ReadingId), (closed.RecheckTaskId, closed.Closed, closed.ClosedByReadingId));
        Assert.Equal(2, Requested().Count);
        Assert.Single(_heating.Harness.Published.Select<HeatingDeficiencyFound>());
    }

    [Fact]
    public async Task Should_take_a_repairs_completion_among_changes_dispatch_made_together_once()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.4, Morning);
        await _heating.DeliverAsync(cold);
        var id = DeficiencyKeys.IdFor(cold.ReadingId);
        var repairTask = Guid.NewGuid();
        await _heating.DeliverAsync(Assigned(repairTask, TaskKind.HeatingRepair, $"heating:repair:{id}", Morning.AddMinutes(5)));

        // A plow route Heating never heard of, the repair started, then done: one message from one batch of Dispatch's.
        var together = new TaskStateChanges([
            Completed(Guid.NewGuid(), Morning.AddHours(5)),
            new TaskStateChanged(repairTask, Guid.Empty, TaskState.Started, "crew-1", Morning.AddHours(4), By: "crew-1"),
            Completed(repairTask, Morning.AddHours(6))]);
        await _heating.DeliverAsync(together, together);

        var repaired = Assert.Single(await _heating.DeficienciesAsync());
        Assert.Equal((repairTask, Morning.AddHours(6)), (repaired.RepairTaskId, repaired.Repaired));
        Assert.Equal(TaskState.Completed, (await _heating.QueryAsync(db => db.HeatingTasks.SingleAsync(t => t.TaskId == repairTask))).State);
        var recheck = Assert.Single(Requested(), r => r.Kind == TaskKind.TemperatureCheck);
        Assert.Equal($"heating:recheck:{id}", recheck.SourceKey);
    }

    [Fact]
    public async Task Should_start_another_repair_round_when_the_re_check_is_still_cold()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.4, Morning);
        await _heating.DeliverAsync(cold);
        var id = DeficiencyKeys.IdFor(cold.ReadingId);
        var firstRepair = Guid.NewGuid();
        await _heating.DeliverAsync(Assigned(firstRepair, TaskKind.HeatingRepair, $"heating:repair:{id}", Morning), Completed(firstRepair, Morning.AddHours(5)));

        var stillCold = DeficiencyHarness.Measurement(Compound, 17.2, Morning.AddHours(8));
        await _heating.DeliverAsync(stillCold, stillCold);

        var open = Assert.Single(await _heating.DeficienciesAsync());
        Assert.True(open.IsOpen);
        Assert.Equal(2, open.Round);
        Assert.Null(open.Repaired);
        var second = Requested().Last();
        Assert.Equal((TaskKind.HeatingRepair, $"heating:repair:{id}:2", Morning.AddHours(32)), (second.Kind, second.SourceKey, second.Due));
        Assert.Equal(3, Requested().Count);

        var secondRepair = Guid.NewGuid();
        await _heating.DeliverAsync(Assigned(secondRepair, TaskKind.HeatingRepair, second.SourceKey, Morning.AddHours(8)),
            Completed(secondRepair, Morning.AddHours(12)));
        Assert.Equal($"heating:recheck:{id}:2", Requested().Last().SourceKey);
        var warm = DeficiencyHarness.Measurement(Compound, 18.1, Morning.AddHours(14));
        await _heating.DeliverAsync(warm);

        var closed = Assert.Single(await _heating.DeficienciesAsync());
        Assert.Equal((Morning.AddHours(14), warm.ReadingId, secondRepair), (closed.Closed, closed.ClosedByReadingId, closed.RepairTaskId));
    }

    [Fact]
    public async Task Should_not_close_on_a_warm_measurement_before_the_repair_is_done()
    {
        var cold = DeficiencyHarness.Measurement(Compound, 16.4, Morning);
        await _heating.DeliverAsync(cold, DeficiencyHarness.Measurement(Compound, 18.5, Morning.AddHours(2)));

        Assert.True(Assert.Single(await _heating.DeficienciesAsync()).IsOpen);
    }

    [Fact]
    public async Task Should_not_open_a_second_deficiency_while_one_is_open()
    {
        await _heating.DeliverAsync(DeficiencyHarness.Measurement(Compound, 16.4, Morning), DeficiencyHarness.Measurement(Compound, 15.9, Morning.AddHours(3)));

        Assert.Single(await _heating.DeficienciesAsync());
        Assert.Single(Requested());
    }

    [Fact]
    public async Task Should_ignore_the_completion_of_a_task_it_never_heard_of()
    {
        await _heating.DeliverAsync(DeficiencyHarness.Measurement(Compound, 16.4, Morning), Completed(Guid.NewGuid(), Morning.AddHours(1)));

        Assert.Null(Assert.Single(await _heating.DeficienciesAsync()).Repaired);
        Assert.Single(Requested());
    }

    [Fact]
    public async Task Should_open_nothing_for_a_warm_home_or_an_excluded_measurement()
    {
        await _heating.DeliverAsync(DeficiencyHarness.Measurement(Compound, 18.0, Morning),
            DeficiencyHarness.Measurement(Compound, 14.0, Morning.AddHours(1), null, "window-open"));

        Assert.Empty(await _heating.DeficienciesAsync());
        Assert.Empty(Requested());
        Assert.Empty(_heating.Harness.Published.Select<HeatingDeficiencyFound>());
    }
}
