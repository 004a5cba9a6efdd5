using SnowOps.ServiceDefaults.Messaging.Outbox;
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
using SnowOps.Heating.Data;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Heating.Tests;

/// <summary>
/// Heating in an in-process server with the real authentication, policies and problem details, over a real SQLite file,
/// and (unless a spec's server says otherwise) its consumers on MassTransit's test harness. Each spec's server says which
/// services, consumers and endpoints it needs, and whose clock it runs on.
/// </summary>
public abstract class HeatingServer(Dictionary<string, string?>? settings = null) : IAsyncLifetime
{
    const string Key = "heating-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-heating-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public HttpClient Anonymous { get; private set; } = null!;

    public ITestHarness Harness => _app!.Services.GetRequiredService<ITestHarness>();

    protected abstract TimeProvider Clock { get; }

    /// <summary>False for a server without a bus.</summary>
    protected virtual bool UsesBus => true;

    /// <summary>The services under test, and the spec's stand-ins; the database, auth and the clock are given.</summary>
    protected abstract void AddServices(WebApplicationBuilder builder);

    protected virtual void AddConsumers(IBusRegistrationConfigurator bus) => HeatingModule.AddConsumers(bus);

    protected virtual void MapEndpoints(WebApplication app) => app.MapHeatingEndpoints();

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var configuration = new Dictionary<string, string?> { ["SnowOps:Auth:SigningKey"] = Key, ["SnowOps:DataDir"] = _folder };
        foreach (var (key, value) in settings ?? [])
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddProblemDetails(ProblemDefaults.Configure);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton(Clock);
        builder.Services.AddDbContext<HeatingDbContext, HeatingSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "heating.db")));
        OutboxRegistration.AddOutbox(builder.Services);
        AddServices(builder);
        if (UsesBus)
            builder.Services.AddMassTransitTestHarness(bus =>
            {
                AddConsumers(bus);
                bus.AddConfigureEndpointsCallback((context, _, endpoint) => MessagingExtensions.ApplyEndpointPolicy(context, endpoint));
            });
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseStatusCodePages();
        _app.UseAuthentication();
        _app.UseAuthorization();
        MapEndpoints(_app);
        await QueryAsync(db => db.Database.MigrateAsync().ContinueWith(_ => 0));
        await _app.StartAsync();
        if (UsesBus)
            await Harness.Start();
        Anonymous = _app.GetTestClient();
    }

    public HttpClient As(string role, string name = "ana")
    {
        var client = _app!.GetTestClient();
        var token = TokenIssuer.Create(SigningKey.FromText(Key, "specs"), name, [role], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs something with the services, in a scope of its own (as one request would).</summary>
    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query) => WithAsync(s => query(s.GetRequiredService<HeatingDbContext>()));

    public virtual async Task DisposeAsync()
    {
        if (UsesBus)
            await Harness.Stop();
        await _app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
