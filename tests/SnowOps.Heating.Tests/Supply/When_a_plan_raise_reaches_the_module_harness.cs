using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;

namespace SnowOps.Heating.Tests.Supply;

/// <summary>Heating's consumers registered alone (as the module's specs do) still keep a plan's raise, on the default settings.</summary>
public sealed class When_a_plan_raise_reaches_the_module_harness : IAsyncLifetime
{
    readonly HeatingHarness _harness = new();

    public Task InitializeAsync() => _harness.StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_keep_the_raise_without_a_fault()
    {
        var snowEvent = NewId.NextGuid();

        await _harness.DeliverAsync(new HeatingActionsRequested(snowEvent, Hazard.ColdWave, AlertLevel.Red, 5, 6, [], [], DateTimeOffset.UtcNow));

        Assert.Equal(5, await _harness.QueryAsync(db => db.SupplyRaises.Where(r => r.SnowEventId == snowEvent).Select(r => r.RaiseCelsius).SingleAsync()));
        Assert.False(await _harness.Harness.Published.Any<Fault<HeatingActionsRequested>>());
    }
}
