using SnowOps.ServiceDefaults.Messaging.Outbox;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnowOps.CrewBot.Data;
using SnowOps.CrewBot.Photos;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.CrewBot.Tests;

/// <summary>
/// CrewBot's photo endpoint in an in-process server with the real authentication, policies and problem details, over
/// the same SQLite file as a running <see cref="CrewBotHarness"/>, so what the bot kept can be fetched as a dispatcher would.
/// </summary>
public sealed class PhotoApi : IAsyncDisposable
{
    const string Key = "crewbot-specs-signing-key-that-is-long-enough-0123456789";
    readonly WebApplication _app;

    PhotoApi(WebApplication app) => _app = app;

    public static async Task<PhotoApi> StartAsync(CrewBotHarness crewBot)
    {
        var database = await crewBot.QueryAsync(db => Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Auth:SigningKey"] = Key,
            ["SnowOps:DataDir"] = Path.GetDirectoryName(database),
        });
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        builder.AddSnowOpsAuth();
        builder.Services.AddDbContext<CrewBotDbContext, CrewBotSqliteContext>(o => DatabaseExtensions.UseSqlite(o, database));
        OutboxRegistration.AddOutbox(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPhotoEndpoints();
        await app.StartAsync();
        return new PhotoApi(app);
    }

    public HttpClient Anonymous => _app.GetTestClient();

    public HttpClient As(string role)
    {
        var client = _app.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), "ana", [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
