using System.Text.Json;

namespace SnowOps.Status.Tests.Public;

public sealed class When_the_public_looks_up_a_street : IAsyncLifetime
{
    PublicApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await PublicApi.StartAsync();
        await _api.ProjectAsync(PublicStreets.Events);
    }

    public Task DisposeAsync() => _api.DisposeAsync().AsTask();

    static JsonElement Only(JsonElement body) => Assert.Single(body.GetProperty("streets").EnumerateArray());

    static DateTimeOffset At(JsonElement street, string service) => street.GetProperty(service).GetProperty("at").GetDateTimeOffset();

    [Fact]
    public async Task Should_answer_when_it_was_last_plowed_and_last_treated_whatever_the_case_and_spaces()
    {
        var (status, body) = await _api.GetJsonAsync("/api/public/streets?name=%20%20chang'an%20AVE%20");

        Assert.Equal(200, status);
        var street = Only(body);
        Assert.Equal("Chang'an Ave", street.GetProperty("name").GetString());
        Assert.Equal(PublicStreets.T0.AddHours(3), At(street, "lastPlowed"));
        Assert.Equal(PublicStreets.T0.AddHours(2), At(street, "lastTreated"));
        Assert.Equal("Orange snowstorm", street.GetProperty("lastPlowed").GetProperty("snowEvent").GetString());
        Assert.False(street.GetProperty("inProgress").GetBoolean());
    }

    [Fact]
    public async Task Should_find_a_street_by_its_chinese_name()
    {
        var (status, body) = await _api.GetJsonAsync("/api/public/streets?name=" + Uri.EscapeDataString("长安街"));

        Assert.Equal(200, status);
        var street = Only(body);
        Assert.Equal("长安街", street.GetProperty("name").GetString());
        Assert.Equal(PublicStreets.T0.AddHours(3), At(street, "lastPlowed"));
        Assert.Equal(JsonValueKind.Null, street.GetProperty("lastTreated").ValueKind);
    }

    [Fact]
    public async Task Should_say_a_street_is_in_progress_while_its_route_is_started_and_not_yet_plowed()
    {
        var (_, body) = await _api.GetJsonAsync("/api/public/streets?name=Jianguo%20Rd");

        var street = Only(body);
        Assert.True(street.GetProperty("inProgress").GetBoolean());
        Assert.Equal(JsonValueKind.Null, street.GetProperty("lastPlowed").ValueKind);
    }

    [Fact]
    public async Task Should_answer_the_street_nearest_a_point_within_the_distance()
    {
        var (status, body) = await _api.GetJsonAsync("/api/public/streets?lat=39.9503&lon=116.505");

        Assert.Equal(200, status);
        Assert.Equal("Jianguo Rd", Only(body).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Should_answer_every_street_of_the_nearest_route()
    {
        var (_, body) = await _api.GetJsonAsync("/api/public/streets?lat=39.905&lon=116.405");

        var names = body.GetProperty("streets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("Chang'an Ave", names);
        Assert.Contains("长安街", names);
        Assert.DoesNotContain("Jianguo Rd", names);
    }

    [Fact]
    public async Task Should_answer_404_when_no_street_is_within_the_distance()
    {
        var (status, body) = await _api.GetJsonAsync("/api/public/streets?lat=39.953&lon=116.505");

        Assert.Equal(404, status);
        Assert.Contains("100", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_404_with_problem_details_for_a_street_no_route_lists()
    {
        var (status, body) = await _api.GetJsonAsync("/api/public/streets?name=Nowhere%20Lane");

        Assert.Equal(404, status);
        Assert.Contains("Nowhere Lane", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/public/streets")]
    [InlineData("/api/public/streets?name=%20%20")]
    [InlineData("/api/public/streets?lat=39.9")]
    public async Task Should_answer_400_without_a_name_or_a_whole_point(string url)
    {
        var (status, body) = await _api.GetJsonAsync(url);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Should_answer_400_for_a_name_too_long()
    {
        var (status, _) = await _api.GetJsonAsync("/api/public/streets?name=" + new string('a', 101));

        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData(91, 116.4)]
    [InlineData(39.9, -181)]
    public async Task Should_answer_422_for_a_point_off_the_globe(double lat, double lon)
    {
        var (status, _) = await _api.GetJsonAsync(FormattableString.Invariant($"/api/public/streets?lat={lat}&lon={lon}"));

        Assert.Equal(422, status);
    }
}
