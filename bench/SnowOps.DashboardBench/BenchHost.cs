using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.Data.Sqlite;
using SnowOps.Routing;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.Status;

namespace SnowOps.DashboardBench;

/// <summary>
/// The road network and the read model behind the dashboard (Routing and Status, as in the embedded mode: in-memory
/// bus, SQLite in a temporary folder) served on a loopback port, with the bus at hand to put events on it.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly string _folder;
    readonly string _key;

    BenchHost(WebApplication app, string folder, string key, Uri address) => (_app, _folder, _key, Address) = (app, folder, key, address);

    public Uri Address { get; }

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public static async Task<BenchHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("snowops-dashboard-").FullName;
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Modules"] = "Routing,Status",
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Sqlite",
            ["SnowOps:DataDir"] = folder,
            ["SnowOps:Auth:SigningKey"] = key,
            // The benchmark's own requests and page loads come from one address; the public limit is not what is measured.
            ["SnowOps:Status:Public:PermitsPerMinute"] = "100000",
        });
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddServiceDefaults();
        builder.AddRouting();
        builder.AddStatus();
        builder.AddMessaging();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRoutingEndpoints();
        app.MapStatusEndpoints();
        await app.MigrateModuleDatabasesAsync();
        await app.StartAsync();
        return new BenchHost(app, folder, key, address);
    }

    public string Token(string role) =>
        TokenIssuer.Create(SigningKey.FromText(_key, "bench"), $"bench-{role}", [role], TimeSpan.FromHours(2));

    public HttpClient Client(string role)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token(role));
        return http;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
