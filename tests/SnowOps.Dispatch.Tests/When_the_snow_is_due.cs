using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;

namespace SnowOps.Dispatch.Tests;

public sealed class When_the_snow_is_due : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Start);
    readonly DispatchHarness _dispatch;

    public When_the_snow_is_due() => _dispatch = new DispatchHarness(_time, new DispatchOptions
    {
        Plans =
        [
            new PlanTemplate
            {
                Name = "snow",
                Hazards = [Hazard.Snowstorm],
                Tasks =
                [
                    new TaskTemplate { Kind = TaskKind.DeIcing, Title = "Brine the bridges" },
                    new TaskTemplate { Kind = TaskKind.DeIcing, Title = "Salt the ramps", Phase = SnowPhase.Clear },
                ],
            },
        ],
        Crews = [new CrewDefinition { Id = "spreader-1", Kinds = [TaskKind.DeIcing], AlwaysOnDuty = true }],
    });

    public Task InitializeAsync() => _dispatch.StartAsync();

    public Task DisposeAsync() => _dispatch.DisposeAsync().AsTask();

    async Task AtAsync(double hours)
    {
        _time.SetUtcNow(Start.AddHours(hours));
        await _dispatch.TickAsync();
    }

    [Fact]
    public async Task Should_move_the_event_from_prepare_to_clear_at_the_onset()
    {
        var id = await _dispatch.ActivateAsync("snow", Start, onset: Start.AddHours(2), expires: Start.AddHours(8));

        await AtAsync(1.9);
        Assert.Equal("Prepare", (await _dispatch.SnowEventAsync(id)).CurrentState);

        await AtAsync(2);
        await AtAsync(2.1);

        var snowEvent = await _dispatch.SnowEventAsync(id);
        Assert.Equal("Clear", snowEvent.CurrentState);
        Assert.Equal(Start.AddHours(2), snowEvent.ClearStarted);
        var changed = Assert.Single(_dispatch.Harness.Published.Select<SnowEventPhaseChanged>(), m => m.Context.Message.Phase == SnowPhase.Clear);
        Assert.Equal("system", changed.Context.Message.ChangedBy);
        Assert.Single(_dispatch.Harness.Published.Select<AdvanceSnowEvent>());
        Assert.Contains(await _dispatch.TasksAsync(id), t => t.Title == "Salt the ramps");
    }

    [Fact]
    public async Task Should_mark_the_snow_stopped_when_an_event_a_dispatcher_opened_expires()
    {
        var id = await _dispatch.ActivateAsync("snow", Start, onset: Start.AddHours(1), expires: Start.AddHours(6));
        await AtAsync(1);

        await AtAsync(5.9);
        Assert.Equal("Clear", (await _dispatch.SnowEventAsync(id)).CurrentState);
        await AtAsync(6);
        await AtAsync(6.5);

        var snowEvent = await _dispatch.SnowEventAsync(id);
        Assert.Equal("Restore", snowEvent.CurrentState);
        Assert.Equal(Start.AddHours(6), snowEvent.SnowfallEnded);
        Assert.Equal("system", snowEvent.SnowfallEndedBy);
        Assert.Single(_dispatch.Harness.Published.Select<SnowfallEnded>());
        Assert.Single(_dispatch.Harness.Published.Select<MarkSnowStopped>());
    }

    [Fact]
    public async Task Should_leave_the_end_of_a_warnings_event_to_the_warning()
    {
        var id = await _dispatch.ActivateAsync("snow", Start, onset: Start.AddHours(1), expires: Start.AddHours(3), alertId: Guid.NewGuid());

        await AtAsync(4);
        await AtAsync(5);

        var snowEvent = await _dispatch.SnowEventAsync(id);
        Assert.Equal("Clear", snowEvent.CurrentState);
        Assert.Null(snowEvent.SnowfallEnded);
        Assert.Empty(_dispatch.Harness.Published.Select<MarkSnowStopped>());
    }

    [Fact]
    public async Task Should_start_clear_at_the_activation_when_the_onset_passed_before_it()
    {
        var id = await _dispatch.ActivateAsync("snow", Start, onset: Start.AddHours(-1));

        await AtAsync(0);

        var snowEvent = await _dispatch.SnowEventAsync(id);
        Assert.Equal("Clear", snowEvent.CurrentState);
        Assert.Equal(Start, snowEvent.ClearStarted);
    }
}
