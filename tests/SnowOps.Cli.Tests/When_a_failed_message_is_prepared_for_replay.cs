using System.Text;
using RabbitMQ.Client;
using SnowOps.Cli.Messages;

namespace SnowOps.Cli.Tests;

public class When_a_failed_message_is_prepared_for_replay
{
    static BasicProperties Faulted(int? replayed) => new()
    {
        MessageId = "3f2a0000-0000-0000-0000-000000000001",
        ContentType = "application/vnd.masstransit+json",
        DeliveryMode = DeliveryModes.Persistent,
        CorrelationId = "c-1",
        Headers = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("System.InvalidOperationException"),
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("not yet"),
            ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes("2026-01-05T03:00:00Z"),
            ["MT-Fault-RetryCount"] = 5,
            ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
            ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("node-1"),
            ["x-delivery-count"] = 2L,
            ["traceparent"] = Encoding.UTF8.GetBytes("00-abc-def-01"),
            [FailedMessage.ReplayedHeader] = replayed,
        },
    };

    [Fact]
    public void Should_keep_its_properties_and_own_headers_and_drop_what_the_fault_added()
    {
        var replay = Replay.ForReplay(Faulted(replayed: null));

        Assert.Equal("3f2a0000-0000-0000-0000-000000000001", replay.MessageId);
        Assert.Equal("application/vnd.masstransit+json", replay.ContentType);
        Assert.Equal(DeliveryModes.Persistent, replay.DeliveryMode);
        Assert.Equal("c-1", replay.CorrelationId);
        Assert.Equal(["SnowOps-Replayed", "traceparent"], replay.Headers!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("00-abc-def-01", HeaderValues.Text(replay.Headers, "traceparent"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 5)]
    public void Should_count_its_replays(int? before, int after)
    {
        var replay = Replay.ForReplay(Faulted(before));

        Assert.Equal(after, HeaderValues.Count(replay.Headers, FailedMessage.ReplayedHeader));
    }

    [Theory]
    [InlineData("snowops-status-projection_error", "snowops-status-projection")]
    [InlineData("snowops-dispatch-task-requests_skipped", "snowops-dispatch-task-requests")]
    [InlineData("snowops-status-projection", null)]
    [InlineData("_error", null)]
    [InlineData("snowops-status-projection_errors", null)]
    public void Should_go_back_to_the_queue_its_failed_queue_is_named_after(string failedQueue, string? source)
    {
        Assert.Equal(source, FailedQueue.SourceOf(failedQueue));
    }

    [Fact]
    public void Should_show_a_long_body_on_one_line_cut_short_unless_asked_for_in_full()
    {
        var json = "{\n  \"message\": {\n    \"headline\": \"" + new string('x', 400) + "\",\n    \"area\": \"北京\"\n  }\n}";
        var body = Encoding.UTF8.GetBytes(json);

        var shown = FailedMessageText.Body(body, full: false);

        Assert.StartsWith("{\"message\":{\"headline\":\"xxx", shown);
        Assert.EndsWith($"… ({body.Length} bytes; --full prints all)", shown);
        Assert.DoesNotContain('\n', shown);
        Assert.Equal(json, FailedMessageText.Body(body, full: true));
        Assert.Equal("{\"area\":\"北京\"}", FailedMessageText.Body(Encoding.UTF8.GetBytes("{ \"area\": \"北京\" }"), full: false));
    }
}
