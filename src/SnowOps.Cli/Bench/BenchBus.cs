using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// A MassTransit bus in this process, configured exactly as a SnowOps host configures its own (RabbitMQ with publisher
/// confirms, quorum queues, the same retry and in-memory outbox on every endpoint), with only the benchmark's consumers.
/// </summary>
public sealed class BenchBus : IAsyncDisposable
{
    readonly IHost _host;

    BenchBus(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();
    public IServiceProvider Services => _host.Services;

    public static async Task<BenchBus> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services,
        Action<IBusRegistrationConfigurator> consumers, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["SnowOps:Modules"] = "" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddServiceDefaults();
        services(builder.Services);
        builder.AddModuleMessaging(consumers);
        builder.AddMessaging();
        builder.Services.Configure<MassTransitHostOptions>(o =>
            (o.WaitUntilStarted, o.StartTimeout, o.StopTimeout) = (true, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            var bus = host.Services.GetRequiredService<IBusControl>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
            {
                if (DateTime.UtcNow > deadline)
                    throw new StormSetupException($"The benchmark's bus did not become ready within 60 s: {bus.CheckHealth().Description}");
                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            await StopAsync(host);
            throw;
        }
        return new BenchBus(host);
    }

    public async ValueTask DisposeAsync() => await StopAsync(_host);

    static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        if (host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            host.Dispose();
    }
}
