using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnowOps.Routing.Data;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Routing.Tests;

/// <summary>
/// The Routing module served over HTTP on 127.0.0.1 as the host composes it (auth, problem details, migrations,
/// start-up import), with its SQLite file in a folder of its own that is deleted afterwards.
/// </summary>
public sealed class RoutingApi : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-routing-api-" + Guid.NewGuid().ToString("N"));
    readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    WebApplication? _app;

    public HttpClient Client { get; private set; } = new();

    /// <summary>Starts the module; <paramref name="settings"/> are extra configuration keys (<c>SnowOps:Routing:NetworkFile</c>, …).</summary>
    public static async Task<RoutingApi> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var api = new RoutingApi();
        try
        {
            await api.StartAppAsync(settings ?? new Dictionary<string, string?>());
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    async Task StartAppAsync(IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Modules"] = RoutingModule.Name,
            ["SnowOps:DataDir"] = _folder,
            ["SnowOps:Auth:SigningKey"] = _key,
            ["Urls"] = "http://127.0.0.1:0",
        }.Concat(settings));
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddRouting();
        builder.AddMessaging();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapRoutingEndpoints();
        await _app.MigrateModuleDatabasesAsync();
        await _app.StartAsync();
        Client.Dispose();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    /// <summary>Stops the module and starts it again over the same data folder, with <paramref name="settings"/>.</summary>
    public async Task RestartAsync(IDictionary<string, string?>? settings = null)
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        await StartAppAsync(settings ?? new Dictionary<string, string?>());
    }

    /// <summary>A request carrying a token with <paramref name="role"/> (none when null).</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? role, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (role is not null)
        {
            var token = TokenIssuer.Create(SigningKey.FromText(_key, "test"), "spec-" + role, [role], TimeSpan.FromMinutes(10));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? role, HttpContent? content = null) =>
        Client.SendAsync(Request(method, path, role, content));

    public async Task<T> QueryAsync<T>(Func<RoutingDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RoutingDbContext>());
    }

    public Task<int> SegmentCountAsync() => QueryAsync(db => db.Segments.CountAsync());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
