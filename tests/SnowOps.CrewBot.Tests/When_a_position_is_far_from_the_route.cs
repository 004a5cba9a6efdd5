using SnowOps.Contracts;
using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_position_is_far_from_the_route : BotSpec
{
    protected override FieldOptions Field => new() { PositionEverySeconds = 0 };

    [Fact]
    public async Task Should_report_the_position_and_pass_nothing()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(RouteAssigned(), Changed(TaskState.Started, 10));
        var at = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);

        // 250 m north of each end of the first two segments.
        await UpdateAsync(FieldSamples.Location(NextUpdateId(), 39.90225, 116.400, at));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), 39.90225, 116.402, at.AddMinutes(1)));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), 39.90225, 116.404, at.AddMinutes(2)));

        var reports = Published<TaskProgressReported>();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, p => Assert.Equal((0, 0.0), (p.SegmentsDone, p.PercentDone)));
        Assert.Equal((39.90225, 116.404), (reports[^1].Latitude, reports[^1].Longitude));
    }

    [Fact]
    public async Task Should_pass_nothing_on_a_fix_less_certain_than_the_tolerance()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(RouteAssigned(), Changed(TaskState.Started, 10));
        var at = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);

        await UpdateAsync(FieldSamples.Location(NextUpdateId(), 39.900, 116.400, at));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), 39.900, 116.402, at.AddMinutes(1), accuracyMeters: 80));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), 39.900, 116.4021, at.AddMinutes(2), accuracyMeters: 12));

        Assert.Equal([0, 0, 1], Published<TaskProgressReported>().Select(p => p.SegmentsDone));
        Assert.Equal(116.402, Published<TaskProgressReported>()[1].Longitude);
    }

    TaskAssigned RouteAssigned() => new(TaskId, Guid.NewGuid(), TaskKind.PlowRoute, "Plow Chang'an Avenue east", Crew,
        When_a_crew_shares_its_live_location.Route, 682.4, T0, T0.AddHours(2));
}
