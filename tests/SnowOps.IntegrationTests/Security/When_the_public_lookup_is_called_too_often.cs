using System.Globalization;
using System.Text.Json;
using SnowOps.IntegrationTests.EmbeddedMode;

namespace SnowOps.IntegrationTests.Security;

/// <summary>An embedded host whose public lookup allows five calls a minute per address.</summary>
public sealed class StingyHost : EmbeddedHost
{
    public const int PermitsPerMinute = 5;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["SnowOps__Status__Public__PermitsPerMinute"] = PermitsPerMinute.ToString(CultureInfo.InvariantCulture) };
}

public sealed class When_the_public_lookup_is_called_too_often(StingyHost embedded) : IClassFixture<StingyHost>
{
    [Fact]
    public async Task Should_answer_429_with_a_problem_and_when_to_try_again_once_the_minute_is_used_up()
    {
        using var anyone = embedded.Anonymous();
        var statuses = new List<int>();
        for (var i = 0; i < StingyHost.PermitsPerMinute; i++)
        {
            using var allowed = await anyone.GetAsync(i % 2 == 0 ? "/api/public/cleared.geojson" : "/api/public/streets?name=Main");
            statuses.Add((int)allowed.StatusCode);
        }

        using var refused = await anyone.GetAsync("/api/public/streets?name=Main");

        Assert.DoesNotContain(429, statuses);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Should_not_count_the_logged_in_endpoints_against_the_public_limit()
    {
        using var committee = await embedded.AsAsync("committee", "city");

        var statuses = new List<int>();
        for (var i = 0; i < StingyHost.PermitsPerMinute + 3; i++)
        {
            using var response = await committee.GetAsync("/api/status/summary");
            statuses.Add((int)response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(200, status));
    }
}
