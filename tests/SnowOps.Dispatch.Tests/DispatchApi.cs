using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Dispatch.Tests;

/// <summary>
/// Dispatch's endpoints in an in-process server with the real authentication, policies and problem details, over a
/// real SQLite file holding the harness's plans and crews; its clock stands still unless a spec moves it.
/// </summary>
public sealed class DispatchApi : IAsyncLifetime
{
    const string Key = "dispatch-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-dispatch-api-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Two de-icing tasks on activation, due within two hours of it.</summary>
    public static PlanTemplate Plan { get; } = new()
    {
        Name = "snow",
        Hazards = [Hazard.Snowstorm],
        Tasks = [new TaskTemplate { Kind = TaskKind.DeIcing, Title = "De-ice bridges", Count = 2 }],
        ServiceTargets = [new ServiceTarget { Name = "Bridges de-iced", Kinds = [TaskKind.DeIcing], From = PlanMoment.Activation, Hours = 2 }],
    };

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
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.Configure<DispatchOptions>(o => (o.Plans, o.Crews) = ([Plan], DispatchHarness.Options.Crews));
        builder.Services.AddDbContext<DispatchDbContext, DispatchSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "dispatch.db")));
        DispatchModule.AddServices(builder.Services);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            DispatchModule.AddConsumers(bus);
            // As in production: what a consumer or the saga publishes goes out once its changes are saved.
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => MessagingExtensions.ApplyEndpointPolicy(context, endpoint));
        });
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapDispatchEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<PlanStore>().SeedAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CrewRoster>().SeedAsync(CancellationToken.None);
        }
        await _app.StartAsync();
        await _app.Services.GetRequiredService<ITestHarness>().Start();
    }

    public HttpClient Anonymous() => _app!.GetTestClient();

    public HttpClient As(string role)
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), "sam", [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _app!.Services.GetRequiredService<ITestHarness>().Stop();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
