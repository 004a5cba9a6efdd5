using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging.Outbox;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Testing;

/// <summary>
/// One module's consumers on MassTransit's in-memory harness, over the module's real SQLite context
/// (migrated), in a folder of its own that is deleted afterwards.
/// </summary>
public class ModuleHarness<TContext, TSqlite> : IAsyncDisposable
    where TContext : DbContext
    where TSqlite : TContext
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "snowops-" + typeof(TContext).Name.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N"));
    readonly ServiceProvider _services;

    public ModuleHarness(Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection>? services = null)
    {
        Directory.CreateDirectory(_folder);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        collection.AddDbContext<TContext, TSqlite>(o => DatabaseExtensions.UseSqlite(o, Path.Combine(_folder, "module.db")));
        OutboxRegistration.AddOutbox(collection);
        services?.Invoke(collection);
        collection.AddMassTransitTestHarness(bus =>
        {
            consumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => MessagingExtensions.ApplyEndpointPolicy(context, endpoint));
            // The harness's message lists block a first look until the bus has been idle this long (1.2 s by default).
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200));
        });
        _services = collection.BuildServiceProvider();
        Harness = _services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public async Task StartAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync();
        await Harness.Start();
    }

    /// <summary>
    /// Delivers the messages one at a time, in the order given: each is consumed (or has failed) before the
    /// next is sent; then the bus is left to go quiet.
    /// </summary>
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

    /// <summary>What has been consumed so far (a cancelled token makes the harness list answer without waiting for more).</summary>
    int ConsumedCount() => Harness.Consumed.Select(_ => true, new CancellationToken(canceled: true)).Count();

    /// <summary>Runs something with the module's services, in a scope of its own (as one message or request would).</summary>
    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> QueryAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
