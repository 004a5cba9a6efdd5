using System.Threading.Channels;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.Status.Dashboard;
using SnowOps.Status.Data;
using SnowOps.Status.Live;
using SnowOps.Testing;

namespace SnowOps.Status.Tests.Live;

/// <summary>
/// Status in an in-process server with the real authentication and policies, the hub and its endpoints as the module
/// maps them, over a real SQLite file, and its projections on MassTransit's test harness.
/// </summary>
public sealed class LiveServer(TimeProvider clock, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    const string Key = "status-live-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-status-live-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public LiveServer() : this(TimeProvider.System, new Dictionary<string, string?>())
    {
    }

    TestServer Server => _app!.GetTestServer();

    ITestHarness Harness => _app!.Services.GetRequiredService<ITestHarness>();

    public HttpClient Anonymous => Server.CreateClient();

    /// <summary>A client whose every call carries a token for the role.</summary>
    public HttpClient As(string role)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(role));
        return client;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Auth:SigningKey"] = Key, ["SnowOps:DataDir"] = _folder,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSnowOpsAuth();
        builder.Services.AddSingleton(clock);
        builder.AddDashboard();
        builder.Services.AddDbContext<StatusDbContext, StatusSqliteContext>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "status.db")));
        builder.Services.AddStatusLive();
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            StatusModule.AddConsumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => MessagingExtensions.ApplyEndpointPolicy(context, endpoint));
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200));
        });
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapStatusEndpoints();
        await WithDbAsync(db => db.Database.MigrateAsync());
        await _app.StartAsync();
        await Harness.Start();
    }

    public static string Token(string role) =>
        TokenIssuer.Create(SigningKey.FromText(Key, "specs"), "ana", [role], TimeSpan.FromHours(1));

    /// <summary>A SignalR client for the status hub, carrying a token for the role, or none.</summary>
    public HubConnection Hub(string? role) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, StatusHub.Path), o =>
        {
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            if (role is not null)
                o.AccessTokenProvider = () => Task.FromResult<string?>(Token(role));
        })
        .Build();

    /// <summary>Publishes each message and waits until it has been consumed, in the order given.</summary>
    public async Task DeliverAsync(params object[] messages)
    {
        foreach (var message in messages)
        {
            var consumed = ConsumedCount();
            await Harness.Bus.Publish(message);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (ConsumedCount() == consumed)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{message.GetType().Name} was not consumed.");
                await Task.Delay(10);
            }
        }
        await Harness.QuietAsync();
    }

    /// <summary>Publishes the messages without waiting between them, so a batch consumer takes them together, then waits for quiet.</summary>
    public async Task PublishAtOnceAsync(IReadOnlyList<object> messages)
    {
        await Task.WhenAll(messages.Select(m => Harness.Bus.Publish(m)));
        await Harness.QuietAsync();
    }

    /// <summary>Every message of the type published on the bus so far.</summary>
    public IReadOnlyList<T> Published<T>() where T : class =>
        [.. Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(p => p.Context.Message)];

    int ConsumedCount() => Harness.Consumed.Select(_ => true, new CancellationToken(canceled: true)).Count();

    public async Task WithDbAsync(Func<StatusDbContext, Task> action)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<StatusDbContext>());
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        await _app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>What a client heard under one name, in the order it arrived.</summary>
public sealed class Heard
{
    readonly Channel<JsonElement> _changes = Channel.CreateUnbounded<JsonElement>();

    public Heard(HubConnection hub, string name) => hub.On<JsonElement>(name, change => _changes.Writer.TryWrite(change));

    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _changes.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The last of the next <paramref name="count"/> changes.</summary>
    public async Task<JsonElement> LastOfAsync(int count)
    {
        var change = await NextAsync();
        for (var i = 1; i < count; i++)
            change = await NextAsync();
        return change;
    }

    public int Waiting => _changes.Reader.Count;
}
