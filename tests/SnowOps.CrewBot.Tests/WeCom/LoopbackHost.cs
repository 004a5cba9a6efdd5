using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SnowOps.CrewBot.Tests.WeCom;

/// <summary>A real Kestrel server on 127.0.0.1 and a port the system picks, for specs that speak HTTP.</summary>
sealed class LoopbackHost : IAsyncDisposable
{
    readonly WebApplication app;

    LoopbackHost(WebApplication app, Uri address) => (this.app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<LoopbackHost> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackHost(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
