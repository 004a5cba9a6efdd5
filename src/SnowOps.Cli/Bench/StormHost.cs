using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.Dispatch;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The Dispatch module in this process, composed as the host composes it (service defaults, the module, one bus) with
/// SnowOps:Modules=Dispatch, the city's crews and plans as its configuration, and the benchmark's crews, stand-in
/// Routing and baseline consumer on the same bus.
/// </summary>
public sealed class StormHost : IAsyncDisposable
{
    readonly IHost _host;

    StormHost(IHost host, StormProgress progress) => (_host, Progress) = (host, progress);

    public StormProgress Progress { get; }
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<StormHost> StartAsync(StormCity city, StormTarget target, int baselineRows, CancellationToken cancellationToken)
    {
        var progress = new StormProgress();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(target.Settings) { ["SnowOps:Modules"] = DispatchModule.Name });
        // Only what goes wrong is worth printing; it goes to stderr, where it cannot mix with the tables.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            // EF Core reports its look for the migrations table of a fresh database as a failed command; a consumer's real
            // database failure still shows, in MassTransit's fault log.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);

        builder.AddServiceDefaults();
        builder.AddDispatch();
        builder.Services.Configure<DispatchOptions>(o => (o.Crews, o.Plans) = (city.CrewDefinitions(), city.Plans()));
        builder.Services.AddSingleton(progress);
        builder.Services.AddDbContext<BaselineDbContext>(target.UseBaselineDatabase);
        builder.AddModuleMessaging(bus =>
        {
            bus.AddConsumer<StormCrews>();
            bus.AddConsumer<RoutingStandIn>();
            bus.AddConsumer<BaselineAnswerer>();
            bus.AddConsumer<RowBaselineRecorder>();
        });
        builder.AddMessaging();
        builder.Services.Configure<MassTransitHostOptions>(o =>
            (o.WaitUntilStarted, o.StartTimeout, o.StopTimeout) = (true, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)));

        var host = builder.Build();
        try
        {
            foreach (var database in host.Services.GetRequiredService<IEnumerable<IModuleDatabase>>())
                await database.MigrateAsync(host.Services, cancellationToken);
            await using (var scope = host.Services.CreateAsyncScope())
                await BaselineTable.CreateAsync(scope.ServiceProvider.GetRequiredService<BaselineDbContext>(), baselineRows, cancellationToken);
            await host.StartAsync(cancellationToken);
            await WaitUntilHealthyAsync(host.Services.GetRequiredService<IBusControl>(), cancellationToken);
        }
        catch (Exception e) when (e is MassTransitException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await StopAsync(host);
            throw new StormSetupException($"The bus did not start: {e.Message}", e);
        }
        catch
        {
            await StopAsync(host);
            throw;
        }
        return new StormHost(host, progress);
    }

    /// <summary>Runs a query on Dispatch's database, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<DispatchDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DispatchDbContext>());
    }

    public async Task<int> PlanVersionAsync(string plan, CancellationToken cancellationToken) =>
        await QueryAsync(db => db.Plans.Where(p => p.Name == plan).MaxAsync(p => p.Version, cancellationToken));

    public async ValueTask DisposeAsync() => await StopAsync(_host);

    static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        if (host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            host.Dispose();
    }

    /// <summary>Until every receive endpoint is up, a message published to a fresh virtual host would find no queue bound.</summary>
    static async Task WaitUntilHealthyAsync(IBusControl bus, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (DateTime.UtcNow > deadline)
                throw new StormSetupException($"The bus did not become ready within 60 s: {bus.CheckHealth().Description}");
            await Task.Delay(100, cancellationToken);
        }
    }
}
