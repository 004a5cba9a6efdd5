using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SnowOps.ServiceDefaults.Http;

/// <summary>
/// The client's own address behind an ingress or a load balancer: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the proxies named in <c>SnowOps:Http:TrustedProxies</c> (addresses or CIDR ranges). With none named,
/// the headers are ignored, so no caller can pick the address the public lookup's limit counts.
/// </summary>
public static class ForwardedClients
{
    public const string Section = "SnowOps:Http:TrustedProxies";

    public static IHostApplicationBuilder AddForwardedClients(this IHostApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        var networks = new List<System.Net.IPNetwork>();
        var proxies = new List<IPAddress>();
        foreach (var entry in trusted.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                proxies.Add(address);
            else
                throw new InvalidOperationException($"{Section} holds '{entry}', which is neither an IP address nor a CIDR range such as 10.0.0.0/8.");
        }
        builder.Services.AddSingleton(new TrustedProxies(networks.Count + proxies.Count));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; SnowOps trusts only what it is told to. (With both lists empty the
            // middleware would trust every sender, so without a trusted proxy it is not used at all.)
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
        });
        return builder;
    }

    public static WebApplication UseForwardedClients(this WebApplication app)
    {
        if (app.Services.GetService<TrustedProxies>() is { Count: > 0 })
            app.UseForwardedHeaders();
        return app;
    }

    sealed record TrustedProxies(int Count);
}
