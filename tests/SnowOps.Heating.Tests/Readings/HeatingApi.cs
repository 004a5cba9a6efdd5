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
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.Testing;

namespace SnowOps.Heating.Tests.Readings;

/// <summary>
/// Heating's endpoints in an in-process server with the real authentication, policies and problem details, over a real
/// SQLite file; what they publish is consumed by Heating's own consumers on MassTransit's test harness.
/// </summary>
public sealed class HeatingApi : IAsyncLifetime
{
    const string Key = "heating-specs-signing-key-that-is-long-enough-0123456789";
    public const string CompanyId = "east-heating";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-api-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    /// <summary>Starts at the real time, to the second, so the tokens (checked against the real time) are valid.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

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
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddHeatingServices(builder.Configuration);
        builder.Services.AddDbContext<HeatingDbContext, HeatingSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "heating.db")));
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
        await QueryAsync(db => db.Database.MigrateAsync().ContinueWith(_ => 0));
        await _app.StartAsync();
        await Harness.Start();
    }

    public HttpClient Anonymous => _app!.GetTestClient();

    public HttpClient As(string role, string name = "inspector-7")
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), name, [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A company with these compounds, as the registry would hold them.</summary>
    public Task SeedAsync(string companyId, params string[] compoundIds) => QueryAsync(db =>
    {
        db.Companies.Add(new HeatingCompany { CompanyId = companyId, Name = "Company " + companyId, Inspectors = 2 });
        foreach (var id in compoundIds)
            db.Compounds.Add(new Compound { CompoundId = id, Name = "Compound " + id, CompanyId = companyId });
        return db.SaveChangesAsync();
    });

    /// <summary>Waits until Heating's consumers have taken in so many messages of the kind.</summary>
    public async Task ConsumedAsync<T>(int count) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Harness.Consumed.Select<T>(new CancellationToken(canceled: true)).Count() < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} {typeof(T).Name} were not consumed.");
            await Task.Delay(10);
        }
        await Harness.QuietAsync();
    }

    public async Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeatingDbContext>());
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        await _app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
