using System.Net;
using System.Text;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.Testing;

namespace SnowOps.IntegrationTests.EmbeddedMode;

/// <summary>The hostile cases over HTTP: the status, a problem with a detail, and the note on a repaired area.</summary>
public sealed class When_the_API_is_given_hostile_alerts(EmbeddedHost embedded) : IClassFixture<EmbeddedHost>
{
    static string Storm() => File.ReadAllText(Repo.Sample("cap", "oasis-cap12-a2-thunderstorm-polygon.xml"));

    static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "XXE", Storm().Replace("<alert", HostileValues.Doctype("alert", laughs: false) + "<alert", StringComparison.Ordinal).Replace("<headline>", "<headline>&xxe;", StringComparison.Ordinal) },
        { "billion laughs", Storm().Replace("<alert", HostileValues.Doctype("alert", laughs: true) + "<alert", StringComparison.Ordinal).Replace("<headline>", "<headline>&lol9;", StringComparison.Ordinal) },
        { "depth bomb", Storm().Replace("<headline>", HostileValues.Deep("<x>", "</x>", 50_000) + "<headline>", StringComparison.Ordinal) },
        { "unclosed polygon", Storm().Replace("38.62,-119.89 38.47,-120.14", "38.62,-119.89 38.40,-120.14", StringComparison.Ordinal) },
        { "latitude 91", Storm().Replace("38.62,-119.89", "91,-119.89", StringComparison.Ordinal) },
        { "NaN longitude", Storm().Replace("38.62,-119.89", "38.62,NaN", StringComparison.Ordinal) },
        { "date 0000-00-00", Storm().Replace("2003-06-17T14:57:00-07:00</sent>", "0000-00-00</sent>", StringComparison.Ordinal) },
        { "CAP 1.3", Storm().Replace("cap:1.2", "cap:1.3", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Should_refuse_a_hostile_alert_with_400_and_the_reason(string name, string document)
    {
        Assert.NotEqual(Storm(), document);
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync(document);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        await DetailAsync(response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/octet-stream")]
    [InlineData("text/html")]
    public async Task Should_refuse_a_content_type_that_is_no_alert_format_with_415(string? contentType)
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync(Encoding.UTF8.GetBytes(Storm()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await DetailAsync(response);
    }

    [Theory]
    [InlineData("application/cap+xml")]
    [InlineData("application/geo+json")]
    public async Task Should_refuse_an_empty_body_with_400(string contentType)
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync([], contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", await DetailAsync(response));
    }

    [Fact]
    public async Task Should_refuse_a_body_over_the_limit_with_413()
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync(Storm().Replace("<headline>", "<headline>" + new string('x', 1_100_000), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await DetailAsync(response);
    }

    [Fact]
    public async Task Should_accept_a_self_crossing_polygon_repaired_and_say_so_in_the_answer_and_the_alert()
    {
        var crossed = Storm()
            .Replace("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89", "38.47,-120.14 38.52,-119.74 38.34,-119.95 38.62,-119.89", StringComparison.Ordinal)
            .Replace("<identifier>", "<identifier>crossed-", StringComparison.Ordinal);
        using var alerts = await embedded.AsAsync("alert-source", "nws");
        using var committee = await embedded.AsAsync("committee", "city");
        using var response = await alerts.PostAlertAsync(crossed);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        var note = Assert.Single(answer.GetProperty("notes").EnumerateArray()).GetString();
        Assert.Contains("area repaired", note);
        Assert.Contains("crossed itself", note);
        var stored = await committee.GetJsonAsync($"/api/alerts/{answer.GetProperty("alertId").GetString()}");
        Assert.Equal(note, Assert.Single(stored.GetProperty("notes").EnumerateArray()).GetString());
    }
}
