using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Cli.Bench;

namespace SnowOps.Cli.Tests;

public class When_cards_to_crews_are_benchmarked
{
    [Fact]
    public async Task Should_deliver_a_card_to_every_crew_within_the_limits_the_fake_keeps()
    {
        var run = await Cli.RunAsync("bench", "crews", "--crews", "40");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var row = run.Output.Split('\n').Single(l => l.StartsWith("| SnowOps |", StringComparison.Ordinal))
            .Split('|', StringSplitOptions.TrimEntries)[1..^1];
        // name, messages, time to last card, messages/s, 429s, most in any second, most to one chat in any second
        Assert.Equal("40", row[1]);
        Assert.Equal("0", row[4]);
        Assert.True(int.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture) <= CrewsBench.TelegramPerSecond, row[5]);
        Assert.Equal("1", row[6]);
        Assert.Contains("| rate-limit ceiling (40 / 30 per s) | 40 | 1.33 |", run.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task Should_refuse_a_bad_crew_count_with_exit_code_2(string crews)
    {
        var run = await Cli.RunAsync("bench", "crews", "--crews", crews);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--crews", run.Error);
    }

    [Fact]
    public async Task Should_have_the_fake_answer_429_with_retry_after_beyond_the_bot_and_chat_limits()
    {
        // The spec's own clock stands still: five calls in the same instant, however long the machine takes over them.
        await using var api = await LimitedBotApi.StartAsync(messagesPerSecond: 3, perChat: TimeSpan.FromSeconds(1), new FakeTimeProvider());
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        Task<HttpResponseMessage> Send(long chat) =>
            http.PostAsJsonAsync($"/bot{LimitedBotApi.Token}/sendMessage", new { chat_id = chat, text = "card" });

        var first = await Send(1);
        var sameChat = await Send(1);
        var others = new[] { await Send(2), await Send(3), await Send(4) };

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (int?)(await first.Content.ReadFromJsonAsync<JsonObject>())!["result"]!["message_id"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameChat.StatusCode);
        Assert.Equal(1, (int?)(await sameChat.Content.ReadFromJsonAsync<JsonObject>())!["parameters"]!["retry_after"]);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], others.Select(r => r.StatusCode));
        Assert.Equal(2, api.TooManyRequests);
        Assert.Equal(3, api.AcceptedCount);
    }

    [Fact]
    public void Should_count_the_most_messages_within_any_one_second()
    {
        var second = System.Diagnostics.Stopwatch.Frequency;
        long[] at = [0, second / 2, second - 1, second, 3 * second];

        Assert.Equal(3, CrewsBench.MaxInOneSecond(at));
        Assert.Equal(0, CrewsBench.MaxInOneSecond([]));
    }
}
