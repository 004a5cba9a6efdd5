using System.Net;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.Status.Live;

namespace SnowOps.Status.Tests.Live;

/// <summary>WebSockets and server-sent events carry the token in the query; only the hubs may read it there.</summary>
public sealed class When_a_token_comes_in_the_query : IAsyncLifetime
{
    readonly LiveServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Should_let_the_committee_into_the_hub()
    {
        var response = await _server.Anonymous.PostAsync(
            $"{StatusHub.Path}/negotiate?negotiateVersion=1&access_token={LiveServer.Token(Roles.Committee)}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_not_open_any_other_endpoint()
    {
        var response = await _server.Anonymous.GetAsync($"/api/status/summary?access_token={LiveServer.Token(Roles.Committee)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
