using SnowOps.ServiceDefaults.Messaging.Outbox;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SnowOps.Contracts;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Http;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Dispatch.Tests;

/// <summary>
/// Dispatch's endpoints in an in-process server with the real authentication, policies and problem details, over a
/// real SQLite file holding the harness's plans and crews; its clock stands still unless a spec moves it. What the endpoints
/// publish is caught by MassTransit's test harness.
/// </summary>
public sealed class DispatchApi : IAsyncLifetime
{
    const string Key = "dispatch-specs-signing-key-that-is-long-enough-0123456789";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-dispatch-api-" + Guid.NewGuid().ToString("N"));
    readonly ChangeMeanwhile _meanwhile = new();
    WebApplication? _app;

    public HttpClient Anonymous { get; private set; } = null!;

    public ITestHarness Harness => _app!.Services.GetRequiredService<ITestHarness>();

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
        builder.Services.AddDbContext<DispatchDbContext, DispatchSqliteContext>(o =>
            DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "dispatch.db")).AddInterceptors(_meanwhile));
        OutboxRegistration.AddOutbox(builder.Services);
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

    /// <summary>Puts a task straight into the database, as the consumers would have left it.</summary>
    public async Task<CrewTask> AddTaskAsync(TaskKind kind, string? crewId, TaskState state = TaskState.Assigned, DateTimeOffset? due = null,
        Guid? snowEventId = null)
    {
        var now = DateTimeOffset.UtcNow;
        var task = new CrewTask
        {
            Id = NewId.NextGuid(),
            SnowEventId = snowEventId ?? Guid.Empty,
            SourceKey = $"spec:{Guid.NewGuid():N}",
            Kind = kind,
            Title = $"{kind} work",
            State = state,
            CrewId = crewId,
            Assigned = now.AddHours(-1),
            Due = due,
            Sent = 2,
            LastSent = now.AddMinutes(-10),
            Completed = state == TaskState.Completed ? now.AddMinutes(-5) : null,
        };
        await QueryAsync(db =>
        {
            db.Tasks.Add(task);
            return db.SaveChangesAsync();
        });
        return task;
    }

    /// <summary>The next save that touches this task finds it changed by someone else between its read and its write.</summary>
    public void ChangeBeforeNextSave(Guid taskId) => _meanwhile.TaskId = taskId;

    public async Task<T> QueryAsync<T>(Func<DispatchDbContext, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DispatchDbContext>());
    }

    public Task<CrewTask> TaskAsync(Guid id) => QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    public async Task DisposeAsync()
    {
        await _app!.Services.GetRequiredService<ITestHarness>().Stop();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A crew's report or another dispatcher landing between a request's read and its save.</summary>
    sealed class ChangeMeanwhile : SaveChangesInterceptor
    {
        public Guid? TaskId { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (TaskId is { } id && eventData.Context is DispatchDbContext db && db.ChangeTracker.Entries<CrewTask>().Any(e => e.Entity.Id == id))
            {
                TaskId = null;
                await db.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }
            return result;
        }
    }
}
