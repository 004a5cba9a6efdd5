using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SnowOps.Contracts;
using SnowOps.CrewBot.Cards;

namespace SnowOps.CrewBot.Tests.WeCom;

public sealed class When_a_wecom_crew_sends_pictures_and_places : WeComSpec
{
    // Two segments of about 85 m each, east along one street.
    const string Route = "MULTILINESTRING ((116.400 39.900, 116.401 39.900), (116.401 39.900, 116.402 39.900))";

    [Fact]
    public async Task Should_report_a_problem_with_the_picture_fetched_by_its_media_id()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned());
        await CallbackAsync(Click(Zhang, CardText.Data(TaskId, CardText.Problem), LastCardTaskId(), "rc-click"));
        var picture = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 };
        Api.AddMedia("media-1", picture);

        await CallbackAsync(Image(Zhang, "media-1", 9001));
        await CallbackAsync(Image(Zhang, "media-1", 9001));

        var problem = Assert.Single(Published<TaskProblemReported>());
        Assert.Equal((TaskId, Crew), (problem.TaskId, problem.CrewId));
        var stored = await CrewBot.QueryAsync(db => db.Photos.AsNoTracking().SingleAsync());
        Assert.Equal((problem.PhotoId, "image/jpeg"), ((Guid?)stored.PhotoId, stored.ContentType));
        Assert.Equal(picture, stored.Bytes);
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_turn_a_sent_place_and_the_apps_reports_into_route_progress()
    {
        await EnrolOverWeComAsync();
        await DeliverAsync(Assigned() with { GeometryWkt = Route }, Changed(TaskState.Started, 5));

        await CallbackAsync(Place(Zhang, 39.900, 116.400, 7001));
        await CallbackAsync(Report(Zhang, 39.900, 116.401, Now()));
        await CallbackAsync(Report(Zhang, 39.900, 116.402, Now() + 1));
        await CallbackAsync(Report(Zhang, 39.900, 116.402, Now() + 1));

        var done = Published<TaskProgressReported>().Select(p => p.SegmentsDone).ToList();
        Assert.Equal([0, 1, 2], done);
        Assert.Equal(100, Published<TaskProgressReported>()[^1].PercentDone!.Value, 0);
        Assert.Contains(Api.TextsTo(Zhang), t => t.Contains("0 of 2", StringComparison.Ordinal));
        AssertNoFaults();
    }

    [Fact]
    public async Task Should_refuse_a_picture_from_an_unknown_user_and_keep_nothing()
    {
        Api.AddMedia("media-2", [1, 2, 3]);

        await CallbackAsync(Image("stranger", "media-2", 9002));

        Assert.Empty(await CrewBot.QueryAsync(db => db.Photos.AsNoTracking().ToListAsync()));
        Assert.Contains("/start", Assert.Single(Api.TextsTo("stranger")), StringComparison.Ordinal);
    }

    static string Image(string userId, string mediaId, long msgId) => $"""
        <xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>
        <CreateTime>{Now()}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1/unused]]></PicUrl>
        <MediaId><![CDATA[{mediaId}]]></MediaId><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>
        """;

    static string Place(string userId, double latitude, double longitude, long msgId) => $"""
        <xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>
        <CreateTime>{Now()}</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>{N(latitude)}</Location_X>
        <Location_Y>{N(longitude)}</Location_Y><Scale>15</Scale><Label><![CDATA[Chaoyang]]></Label><MsgId>{msgId}</MsgId>
        <AgentID>1000002</AgentID></xml>
        """;

    static string Report(string userId, double latitude, double longitude, long createTime) => $"""
        <xml><ToUserName><![CDATA[{WeComTestApp.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>
        <CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event>
        <Latitude>{N(latitude)}</Latitude><Longitude>{N(longitude)}</Longitude><Precision>10</Precision><AgentID>1000002</AgentID></xml>
        """;

    static string N(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);
}
