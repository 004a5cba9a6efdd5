using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnowOps.IntegrationTests.Infrastructure;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.IntegrationTests.Outbox;

public enum Mode
{
    /// <summary>In-memory bus, a SQLite file.</summary>
    Embedded,
    /// <summary>RabbitMQ, a PostgreSQL schema.</summary>
    Distributed,
}

/// <summary>
/// The counter module in one or more hosts, wired as SnowOps wires a module (AddModuleOutbox, AddModuleMessaging,
/// AddMessaging), on one database and one bus; the first host also has an endpoint that records every
/// <see cref="CounterRaised"/> and every fault of <see cref="RaiseCounter"/>, without an inbox of its own.
/// </summary>
public sealed class CounterWorld : IAsyncDisposable
{
    readonly Mode _mode;
    readonly RealInfrastructure? _infra;
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-outbox-" + Guid.NewGuid().ToString("N"));
    readonly List<IHost> _hosts = [];

    CounterWorld(Mode mode, RealInfrastructure? infra)
    {
        _mode = mode;
        _infra = infra;
    }

    public IReadOnlyList<IHost> Hosts => _hosts;
    public IServiceProvider Services => _hosts[0].Services;
    public IBus Bus => Services.GetRequiredService<IBus>();
    public Received Received { get; } = new();
    public Deliveries Deliveries { get; } = new();

    /// <param name="relays">Whether each host runs its outbox relay; without, a spec drives <see cref="OutboxRelay{TContext}"/> itself.</param>
    public static async Task<CounterWorld> StartAsync(Mode mode, int hosts = 1, bool relays = true)
    {
        RealInfrastructure? infra = null;
        if (mode == Mode.Distributed)
        {
            infra = new RealInfrastructure();
            await infra.InitializeAsync();
        }
        var world = new CounterWorld(mode, infra);
        try
        {
            Directory.CreateDirectory(world._folder);
            for (var i = 0; i < hosts; i++)
                world._hosts.Add(world.Build(relays));
            await world.CreateTablesAsync();
            foreach (var host in world._hosts)
            {
                await host.StartAsync();
                host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(world.Deliveries);
            }
            await world.Received.ConnectAsync(world.Bus);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    IHost Build(bool relay)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.Services.AddDbContext<CounterDb>(o =>
        {
            if (_infra is null)
                DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "counters.db"));
            else
                DatabaseExtensions.UsePostgres(o, _infra.PostgresConnection, CounterDb.Schema);
        });
        builder.AddModuleOutbox<CounterDb>();
        if (!relay)
        {
            var relays = builder.Services.Where(s => s.ImplementationType == typeof(OutboxRelay<CounterDb>)).ToList();
            Assert.Single(relays);
            builder.Services.Remove(relays[0]);
        }
        builder.AddModuleMessaging(bus =>
        {
            bus.AddConsumer<RaiseCounterConsumer>();
            bus.AddConsumer<TallyConsumer>();
        });
        builder.AddMessaging();
        // Nothing is published before every endpoint is bound to its messages.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SnowOps:Transport"] = _mode == Mode.Distributed ? "RabbitMq" : "InMemory",
            ["SnowOps:Database"] = _mode == Mode.Distributed ? "Postgres" : "Sqlite",
            ["SnowOps:DataDir"] = _folder,
            // Rows left without a wake-up (a spec's own, a crashed relay's) are found quickly.
            ["SnowOps:Outbox:Poll"] = "00:00:00.2",
            ["SnowOps:Outbox:RetryDelay"] = "00:00:00.2",
        };
        if (_infra is not null)
        {
            settings["SnowOps:RabbitMq:Host"] = _infra.RabbitHost;
            settings["SnowOps:RabbitMq:Port"] = _infra.RabbitPort;
            settings["SnowOps:RabbitMq:VirtualHost"] = _infra.VirtualHost;
            settings["SnowOps:RabbitMq:Username"] = _infra.RabbitUser;
            settings["SnowOps:RabbitMq:Password"] = _infra.RabbitPassword;
        }
        return settings;
    }

    async Task CreateTablesAsync()
    {
        await using var scope = _hosts[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDb>();
        if (_mode == Mode.Embedded)
            await db.Database.EnsureCreatedAsync();
        else
            // The run's database exists already and has PostGIS's tables, so EnsureCreated would see it as made.
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    public async Task<T> AskAsync<T>(Func<CounterDb, Task<T>> ask)
    {
        await using var scope = Services.CreateAsyncScope();
        return await ask(scope.ServiceProvider.GetRequiredService<CounterDb>());
    }

    public Task SeedAsync(params string[] counterIds) => AskAsync(db =>
    {
        db.Counters.AddRange(counterIds.Select(id => new Counter { Id = id }));
        return db.SaveChangesAsync();
    });

    public Task<int> CounterAsync(string counterId) =>
        AskAsync(db => db.Counters.Where(c => c.Id == counterId).Select(c => c.Value).SingleAsync());

    public Task<int> RaisesAsync(string counterId) => AskAsync(db => db.Raises.CountAsync(r => r.CounterId == counterId));

    public Task<List<OutboxMessage>> OutboxAsync() =>
        AskAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    public Task<int> OutboxCountAsync() => AskAsync(db => db.Set<OutboxMessage>().CountAsync());

    public async Task<string[]> InboxAsync(Guid messageId) =>
        (await AskAsync(db => db.Set<InboxMessage>().Where(i => i.MessageId == messageId).Select(i => i.Consumer).ToListAsync()))
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary>A command from outside any unit of work (a client, another module's relay), with the given message id.</summary>
    public Task PublishAsync(RaiseCounter command, Guid messageId) => Bus.Publish(command, c => c.MessageId = messageId);

    /// <summary>Work as one unit of the module (as an HTTP command or a timer runs): its changes and what it publishes commit together.</summary>
    public async Task RunUnitAsync(Func<CounterDb, IPublishEndpoint, Task> work, IServiceProvider? services = null)
    {
        await using var scope = (services ?? Services).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDb>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await scope.ServiceProvider.GetRequiredService<TransactionalOutbox>().RunAsync(db, () => work(db, publish), CancellationToken.None);
    }

    /// <summary>A relay of the given host, driven by the spec.</summary>
    public OutboxRelay<CounterDb> RelayOf(IHost host) => ActivatorUtilities.CreateInstance<OutboxRelay<CounterDb>>(host.Services);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(stopping.Token);
            }
            finally
            {
                host.Dispose();
            }
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        if (_infra is not null)
            await _infra.DisposeAsync();
    }
}
