using SnowOps.Status.Data;
using SnowOps.Status.Projections;
using SnowOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.Status.Tests;

/// <summary>The whole read model, compared table by table, after the same history is played in different ways.</summary>
public sealed class When_the_history_is_replayed : IAsyncLifetime
{
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _status = new(StatusModule.AddConsumers);
    readonly ModuleHarness<StatusDbContext, StatusSqliteContext> _other = new(StatusModule.AddConsumers);

    public async Task InitializeAsync()
    {
        await _status.StartAsync();
        await _other.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _status.DisposeAsync();
        await _other.DisposeAsync();
    }

    static Task<string> DumpAsync(ModuleHarness<StatusDbContext, StatusSqliteContext> status) => status.QueryAsync(ReadModelDump.Of);

    static Task RebuildAsync(ModuleHarness<StatusDbContext, StatusSqliteContext> status, IEnumerable<object> events) =>
        status.WithServicesAsync(services =>
            ReadModelRebuild.RebuildAsync(services.GetRequiredService<StatusDbContext>(), TimeProvider.System, events));

    [Fact]
    public async Task Should_fill_every_table()
    {
        await _status.DeliverAsync(StatusHistory.Events);

        var dump = await DumpAsync(_status);
        foreach (var table in new[] { "alert", "snow-event", "task", "problem", "plan", "route", "reading", "deficiency" })
            Assert.Contains($"\n{table} ", "\n" + dump);
    }

    [Fact]
    public async Task Should_give_the_same_read_model_when_every_event_is_delivered_twice()
    {
        await _status.DeliverAsync(StatusHistory.Events);
        var once = await DumpAsync(_status);
        await _status.DeliverAsync(StatusHistory.Events);

        Assert.Equal(once, await DumpAsync(_status));
    }

    [Fact]
    public async Task Should_give_the_same_read_model_when_the_events_arrive_in_reverse()
    {
        await _status.DeliverAsync(StatusHistory.Events);
        await _other.DeliverAsync([.. StatusHistory.Events.Reverse()]);

        Assert.Equal(await DumpAsync(_status), await DumpAsync(_other));
    }

    [Fact]
    public async Task Should_rebuild_from_the_history_the_read_model_the_bus_built()
    {
        await _status.DeliverAsync(StatusHistory.Events);
        await RebuildAsync(_other, StatusHistory.Events);

        Assert.Equal(await DumpAsync(_status), await DumpAsync(_other));
    }

    [Fact]
    public async Task Should_rebuild_over_a_read_model_that_is_already_filled()
    {
        await _status.DeliverAsync(StatusHistory.Events);
        var built = await DumpAsync(_status);
        await RebuildAsync(_status, StatusHistory.Events);

        Assert.Equal(built, await DumpAsync(_status));
    }
}
