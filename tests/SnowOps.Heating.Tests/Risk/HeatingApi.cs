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
using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Data;
using SnowOps.Heating.Risk;
using SnowOps.Heating.Tests.Checks;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Heating.Tests.Risk;

/// <summary>
/// Heating's endpoints in an in-process server with the real authentication, policies and problem details, over a real
/// SQLite file; complaints and the forecast are the spec's, and the clock moves only when the spec moves it.
/// </summary>
public sealed class HeatingApi : IAsyncLifetime
{
    const string Key = "heating-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-api-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public SpecInputs Inputs { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    public HttpClient Anonymous { get; private set; } = null!;

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
        builder.Services.AddSingleton<TimeProvider>(Inputs.Clock);
        builder.Services.AddHeatingServices(builder.Configuration);
        builder.Services.Configure<CheckOptions>(_ => { });
        builder.Services.Configure<RiskOptions>(o => o.ReferenceYear = 2026);
        builder.Services.AddSingleton<IComplaintCounts>(Inputs.Complaints);
        builder.Services.AddSingleton<IOutdoorForecast>(Inputs.Forecast);
        builder.Services.AddDbContext<HeatingDbContext, HeatingSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "heating.db")));
        HeatingModule.AddRiskAndChecks(builder.Services);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            HeatingModule.AddConsumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => MessagingExtensions.ApplyEndpointPolicy(context, endpoint));
        });
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapHeatingEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HeatingDbContext>().Database.MigrateAsync();
        await _app.StartAsync();
        await _app.Services.GetRequiredService<ITestHarness>().Start();
        Anonymous = _app.GetTestClient();
    }

    public HttpClient As(string role)
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), "ana", [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeatingDbContext>());
    }

    public Task AddAsync(params object[] entities) => QueryAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    public async Task ScheduleAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckScheduler>().RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app!.Services.GetRequiredService<ITestHarness>().Stop();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
