using System.Net;
using System.Text.Json;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.EmbeddedMode;

public sealed class When_the_API_is_given_bad_input(EmbeddedHost embedded) : IClassFixture<EmbeddedHost>
{
    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier>")]
    [InlineData("this is not xml")]
    [InlineData("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><sender>a</sender></alert>")]
    public async Task Should_refuse_a_malformed_alert_with_a_problem_that_says_why(string body)
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("negative-cap11-nws-flash-flood-watch.xml")]
    [InlineData("negative-xxe-hostile.xml")]
    [InlineData("negative-invalid-missing-scope.xml")]
    public async Task Should_refuse_the_real_broken_documents(string file)
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync(await File.ReadAllTextAsync(Repo.Sample("cap", file)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Should_refuse_an_alert_in_a_format_it_does_not_read()
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync("snow!", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Should_refuse_an_alert_larger_than_the_limit()
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var response = await alerts.PostAlertAsync("<alert>" + new string(' ', 2 * 1024 * 1024) + "</alert>");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Should_answer_not_found_for_an_unknown_snow_event()
    {
        using var dispatcher = await embedded.AsAsync("dispatcher", "ana");
        using var response = await dispatcher.PostAsync($"/api/snow-events/{Guid.NewGuid()}/activate");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemAsync(response);
        using var get = await dispatcher.GetAsync($"/api/snow-events/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData(null, "/api/alerts", HttpStatusCode.Unauthorized)]
    [InlineData("committee", "/api/alerts", HttpStatusCode.Forbidden)]
    [InlineData("crew", "/api/alerts", HttpStatusCode.Forbidden)]
    [InlineData(null, "/api/snow-events/00000000-0000-0000-0000-000000000001/activate", HttpStatusCode.Unauthorized)]
    [InlineData("committee", "/api/snow-events/00000000-0000-0000-0000-000000000001/activate", HttpStatusCode.Forbidden)]
    [InlineData("alert-source", "/api/snow-events/00000000-0000-0000-0000-000000000001/activate", HttpStatusCode.Forbidden)]
    [InlineData("dispatcher", "/api/crew/tasks/00000000-0000-0000-0000-000000000001/complete", HttpStatusCode.Forbidden)]
    [InlineData("committee", "/api/heating/readings", HttpStatusCode.Forbidden)]
    public async Task Should_let_no_one_change_state_without_the_role(string? role, string path, HttpStatusCode expected)
    {
        using var caller = role is null ? embedded.Anonymous() : await embedded.AsAsync(role, "someone");
        using var response = await caller.PostAsync(path, new { });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_token_signed_with_another_key()
    {
        var forged = SnowOps.ServiceDefaults.Auth.TokenIssuer.Create(
            SnowOps.ServiceDefaults.Auth.SigningKey.FromText(new string('k', 48), "test"), "mallory", ["admin"], TimeSpan.FromHours(1));
        using var caller = new Api(embedded.Host.BaseAddress, forged);
        using var response = await caller.PostAsync($"/api/snow-events/{Guid.NewGuid()}/activate");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_keep_what_was_accepted_when_bad_input_follows()
    {
        using var alerts = await embedded.AsAsync("alert-source", "dwd");
        using var committee = await embedded.AsAsync("committee", "city");
        using var good = await alerts.PostAlertAsync(await File.ReadAllTextAsync(Repo.Sample("cap", "dwd-glaette-alert.xml")));
        Assert.True(good.IsSuccessStatusCode);

        using var bad = await alerts.PostAlertAsync("<alert");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var stored = await committee.GetJsonAsync("/api/alerts");
        Assert.Contains(stored.EnumerateArray(), a => a.GetProperty("event").GetString() == "GLÄTTE");
    }
}
