using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Chats;

namespace SnowOps.CrewBot.Tests;

public sealed class When_a_crew_shares_its_live_location : BotSpec
{
    /// <summary>Four road segments of about 171 m each, west to east along 39.9° N, in the order served.</summary>
    public const string Route = "MULTILINESTRING ((116.400 39.900, 116.401 39.900, 116.402 39.900), (116.402 39.900, 116.404 39.900), "
        + "(116.404 39.900, 116.406 39.900), (116.406 39.900, 116.408 39.900))";

    const double Lat = 39.900;
    static readonly DateTimeOffset Shared = new(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_report_each_segment_passed_and_never_less_on_an_out_of_order_edit()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(RouteAssigned(), Changed(TaskState.Started, 10));

        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4001, Shared));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4021, Shared.AddMinutes(1)));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), 39.9001, 116.4040, Shared.AddMinutes(2)));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4059, Shared.AddMinutes(3)));
        // Delivered late: a position from between the first two, in the middle of the first segment.
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4010, Shared.AddSeconds(90)));

        var reports = Published<TaskProgressReported>().Where(p => p.TaskId == TaskId).ToList();
        Assert.Equal([0, 1, 2, 3], reports.Select(p => p.SegmentsDone));
        Assert.All(reports, p => Assert.Equal(Crew, p.CrewId));
        Assert.Equal([0, 25, 50, 75], reports.Select(p => Math.Round(p.PercentDone!.Value)));
        Assert.Equal((Lat, 116.4059), (reports[^1].Latitude, reports[^1].Longitude));
        var kept = await CrewBot.QueryAsync(db => db.RouteProgress.AsNoTracking().SingleAsync());
        Assert.Equal(("xxxs", 3, 116.4059), (kept.Ends, kept.SegmentsReported, kept.Longitude));
        // Only the message that starts sharing is answered, not each move.
        Assert.Equal("Location taken for \"Plow Chang'an Avenue east\": 0 of 4 segments passed. Share your live location to report progress as you go.",
            Assert.Single(SentTo(Samples.JohnsChat), m => m.Text!.StartsWith("Location", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public async Task Should_take_a_live_update_delivered_twice_once_but_each_edit_of_the_message()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(RouteAssigned(), Changed(TaskState.Accepted, 5));
        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4000, Shared));
        var move = FieldSamples.Live(NextUpdateId(), Lat, 116.4020, Shared.AddMinutes(1));

        Assert.True(await UpdateAsync(move));
        Assert.False(await UpdateAsync(move));
        Assert.True(await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4040, Shared.AddMinutes(2))));

        Assert.Equal([0, 1, 2], Published<TaskProgressReported>().Select(p => p.SegmentsDone));
    }

    [Fact]
    public async Task Should_not_report_a_position_again_within_the_interval_when_nothing_new_is_passed()
    {
        await EnrolJohnAsync();
        await CrewBot.DeliverAsync(RouteAssigned(), Changed(TaskState.Started, 10));

        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4000, Shared));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4005, Shared.AddSeconds(20)));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4012, Shared.AddSeconds(40)));

        Assert.Equal([0], Published<TaskProgressReported>().Select(p => p.SegmentsDone));
    }

    [Fact]
    public async Task Should_change_nothing_for_a_chat_that_is_not_enrolled()
    {
        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4000, Shared));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4020, Shared.AddMinutes(1)));

        Assert.Empty(Published<TaskProgressReported>());
        Assert.Equal(0, await CrewBot.QueryAsync(db => db.RouteProgress.CountAsync()));
        Assert.StartsWith("This chat is not enrolled", Assert.Single(SentTo(Samples.JohnsChat)).Text);
    }

    [Fact]
    public async Task Should_say_once_that_no_route_is_under_way()
    {
        await EnrolJohnAsync();
        // Assigned but not accepted; and a started task with no route.
        var deIcing = Guid.NewGuid();
        await CrewBot.DeliverAsync(RouteAssigned(), Assigned() with { TaskId = deIcing },
            new TaskStateChanged(deIcing, Guid.Empty, TaskState.Started, Crew, T0.AddMinutes(5)));
        var before = SentTo(Samples.JohnsChat).Count;

        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4000, Shared));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4020, Shared.AddMinutes(1)));
        await UpdateAsync(FieldSamples.Live(NextUpdateId(), Lat, 116.4040, Shared.AddMinutes(2)));

        var answers = SentTo(Samples.JohnsChat).Skip(before).ToList();
        Assert.Equal("Your crew has no route task under way, so this location is not counted. Accept or start a route task first.", Assert.Single(answers).Text);
        Assert.Empty(Published<TaskProgressReported>());
    }

    [Fact]
    public async Task Should_answer_in_the_members_language()
    {
        await EnrolJohnAsync();
        await UpdateAsync(Samples.Text(NextUpdateId(), "/lang zh"));

        await UpdateAsync(FieldSamples.Location(NextUpdateId(), Lat, 116.4000, Shared));

        Assert.Equal(Texts.Get(Texts.Chinese, "NoRouteUnderWay"), SentTo(Samples.JohnsChat)[^1].Text);
    }

    TaskAssigned RouteAssigned() =>
        new(TaskId, Guid.NewGuid(), TaskKind.PlowRoute, "Plow Chang'an Avenue east", Crew, Route, 682.4, T0, T0.AddHours(2), PriorityClass: "P1");
}
