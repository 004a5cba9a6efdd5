using System.Net;
using SnowOps.IntegrationTests.EmbeddedMode;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Security;

/// <summary>A host behind a proxy it trusts (the tests' own address): the public limit counts each forwarded client.</summary>
public sealed class ProxiedHost : EmbeddedHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SnowOps__Status__Public__PermitsPerMinute"] = "2",
        ["SnowOps__Http__TrustedProxies__0"] = "127.0.0.1/32",
    };
}

/// <summary>A host that trusts no proxy: a forwarded address is only a header a caller wrote.</summary>
public sealed class UnproxiedHost : EmbeddedHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["SnowOps__Status__Public__PermitsPerMinute"] = "2" };
}

static class Forwarded
{
    public static async Task<HttpStatusCode> LookUpAsync(Api anyone, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/cleared.geojson");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await anyone.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class When_the_public_lookup_sits_behind_a_trusted_proxy(ProxiedHost host) : IClassFixture<ProxiedHost>
{
    [Fact]
    public async Task Should_count_each_forwarded_client_on_its_own()
    {
        using var anyone = host.Anonymous();
        var first = new[] { await Forwarded.LookUpAsync(anyone, "203.0.113.7"), await Forwarded.LookUpAsync(anyone, "203.0.113.7"),
            await Forwarded.LookUpAsync(anyone, "203.0.113.7") };
        var other = await Forwarded.LookUpAsync(anyone, "198.51.100.9");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other);
    }
}

public sealed class When_a_caller_forges_a_forwarded_address(UnproxiedHost host) : IClassFixture<UnproxiedHost>
{
    [Fact]
    public async Task Should_count_the_caller_by_its_own_address_whatever_it_claims()
    {
        using var anyone = host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            statuses.Add(await Forwarded.LookUpAsync(anyone, claimed));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
