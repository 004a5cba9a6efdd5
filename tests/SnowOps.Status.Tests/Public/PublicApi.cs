using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Status.Data;
using SnowOps.Status.Live;
using SnowOps.Status.Projections;
using SnowOps.Status.Public;

namespace SnowOps.Status.Tests.Public;

/// <summary>
/// The public endpoints in an in-process server with the real authentication, problem details and rate limiter, over a
/// real SQLite read model filled by the real projections.
/// </summary>
sealed class PublicApi : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-status-public-" + Guid.NewGuid().ToString("N"));
    WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<PublicApi> StartAsync(int permitsPerMinute = 1000)
    {
        var api = new PublicApi();
        await api.InitializeAsync(permitsPerMinute);
        return api;
    }

    async Task InitializeAsync(int permitsPerMinute)
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Auth:SigningKey"] = "status-public-specs-signing-key-that-is-long-enough-0123456789",
            ["SnowOps:DataDir"] = _folder,
            [$"{PublicOptions.Section}:PermitsPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{PublicOptions.Section}:NearestStreetMeters"] = "100",
        });
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<StatusDbContext, StatusSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "status.db")));
        builder.AddPublicLookup();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseRateLimiter();
        _app.MapPublicEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StatusDbContext>().Database.MigrateAsync();
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    /// <summary>Projects the messages in order, as the module's consumers would.</summary>
    public async Task ProjectAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StatusDbContext>();
            var none = CancellationToken.None;
            await (message switch
            {
                SnowEventProposed m => new StatusProjection(db, TimeProvider.System, SilentFeed.Instance).Project(m, none),
                PlowRoutesAssigned m => new RouteProjection(db, SilentFeed.Instance).Project(m, none),
                TaskAssigned m => new TaskProjection(db, SilentFeed.Instance).Project(m, none),
                TaskStateChanged m => new TaskProjection(db, SilentFeed.Instance).Project(m, none),
                _ => throw new ArgumentException($"{message.GetType().Name} is not projected here."),
            });
        }
    }

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
