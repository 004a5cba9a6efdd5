using System.Net.Http.Headers;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.IntegrationTests.Security;

[Collection(SecuredHost.Collection)]
public sealed class When_a_token_is_not_what_it_should_be(SecuredHost host)
{
    public static TheoryData<string> Kinds() => [.. ForgedTokens.Kinds];

    /// <summary>A token the host cannot trust is no login (401); a trusted token with a role it does not know grants nothing (403).</summary>
    static int Expected(string kind) => kind == "unknown role" ? 403 : 401;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Should_refuse_it_for_a_change(string kind)
    {
        using var caller = host.Caller();
        var activate = new Endpoint("POST", "/api/snow-events/{id:guid}/activate", Who.Dispatch);

        var answer = await caller.CallAsync(activate, kind, ForgedTokens.Make(kind, host.Key));

        Assert.Equal(Expected(kind), answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Should_refuse_it_for_a_read(string kind)
    {
        using var caller = host.Caller();
        var alerts = new Endpoint("GET", "/api/alerts", Who.Watch);

        var answer = await caller.CallAsync(alerts, kind, ForgedTokens.Make(kind, host.Key));

        Assert.Equal(Expected(kind), answer.Status);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Should_refuse_it_at_the_live_hub_in_the_header_and_in_the_query(string kind)
    {
        var token = ForgedTokens.Make(kind, host.Key);
        using var http = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var inHeader = new HttpRequestMessage(HttpMethod.Post, "/hubs/status/negotiate?negotiateVersion=1");
        inHeader.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var byHeader = await http.SendAsync(inHeader);
        using var byQuery = await http.PostAsync($"/hubs/status/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);

        Assert.Equal(Expected(kind), (int)byHeader.StatusCode);
        Assert.Equal(Expected(kind), (int)byQuery.StatusCode);
    }

    [Fact]
    public async Task Should_take_a_good_token_at_the_hub_and_at_both_endpoints()
    {
        using var caller = host.Caller();
        var token = host.Token(Roles.Dispatcher);
        using var http = new HttpClient { BaseAddress = host.Host.BaseAddress };

        using var negotiate = await http.PostAsync($"/hubs/status/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);
        var read = await caller.CallAsync(new Endpoint("GET", "/api/alerts", Who.Watch), Roles.Dispatcher, token);
        var change = await caller.CallAsync(new Endpoint("POST", "/api/snow-events/{id:guid}/activate", Who.Dispatch), Roles.Dispatcher, token);

        Assert.Equal(200, (int)negotiate.StatusCode);
        Assert.Equal(200, read.Status);
        Assert.Equal(404, change.Status);
    }
}
