using SnowOps.ServiceDefaults.Messaging.Outbox;
using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Contracts;
using SnowOps.Routing.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;

namespace SnowOps.Routing.Tests;

/// <summary>
/// Routing's endpoints in an in-process server with the real authentication, policies and problem details, over a real
/// SQLite file, with the test district loaded and a first plan made for one snow event by the real consumer.
/// </summary>
public sealed class PlanningApi : IAsyncLifetime
{
    const string Key = "routing-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-routing-api-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public Guid SnowEvent { get; } = Guid.NewGuid();
    public HttpClient Client { get; private set; } = null!;
    public ITestHarness Harness => _app!.Services.GetRequiredService<ITestHarness>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Auth:SigningKey"] = Key,
            ["SnowOps:DataDir"] = _folder,
        });
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<RoutingOptions>(o =>
        {
            var city = TestCity.Options();
            (o.Fleet, o.DeIcing, o.Planner) = (city.Fleet, city.DeIcing, city.Planner);
        });
        builder.Services.AddDbContext<RoutingDbContext, RoutingSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "routing.db")));
        OutboxRegistration.AddOutbox(builder.Services);
        builder.Services.AddMassTransitTestHarness(RoutingModule.AddConsumers);
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapRoutingEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
            await db.Database.MigrateAsync();
            db.Segments.AddRange(TestCity.Streets());
            await db.SaveChangesAsync();
        }
        await _app.StartAsync();
        await Harness.Start();
        Client = _app.GetTestClient();
        await Harness.Bus.Publish(new PlowRoutesRequested(SnowEvent, TestCity.AllClasses, 3));
        Assert.True(await Harness.Published.Any<PlowRoutesAssigned>(m => m.Context.Message.SnowEventId == SnowEvent));
    }

    public HttpClient As(string role)
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), "someone", [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        await _app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
