using System.Text.Json;

namespace SnowOps.Status.Tests.Public;

public sealed class When_the_public_asks_too_often
{
    [Fact]
    public async Task Should_answer_429_with_problem_details_and_retry_after_once_the_permits_are_used()
    {
        await using var api = await PublicApi.StartAsync(permitsPerMinute: 3);
        await api.ProjectAsync(PublicStreets.Events);

        for (var i = 0; i < 3; i++)
            Assert.Equal(200, (int)(await api.Client.GetAsync("/api/public/streets?name=Jianguo%20Rd")).StatusCode);
        using var refused = await api.Client.GetAsync("/api/public/cleared.geojson");

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
