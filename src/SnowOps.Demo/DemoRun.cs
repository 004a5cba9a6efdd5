using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.Demo.Crews;
using SnowOps.Demo.Setup;
using SnowOps.Demo.Storm;
using SnowOps.Demo.Telegram;

namespace SnowOps.Demo;

/// <summary>Once the host listens: the links to open, the registry and the crews' enrolment, then the crews at work and the storm.</summary>
public sealed class DemoRun(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoRun> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
            return;
        // The crews put their phones away as soon as the host begins to stop, before it stops listening.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        await RunAsync(stopping.Token);
    }

    async Task RunAsync(CancellationToken stoppingToken)
    {
        var host = services.GetRequiredService<HostApi>();
        host.Connect();
        DemoLinks.Print(host, services.GetRequiredService<DemoDataFolder>());
        try
        {
            await services.GetRequiredService<DemoSetup>().RunAsync(stoppingToken);
            var options = services.GetRequiredService<DemoOptions>();
            var crews = options.Members.Select(m => new SimulatedCrew(m, services.GetRequiredService<DemoBotApi>(), host,
                services.GetRequiredService<CrewWork>(), options, logger).RunAsync(stoppingToken)).ToList();
            await services.GetRequiredService<StormScript>().RunAsync(stoppingToken);
            await Task.WhenAll(crews);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The host goes on serving what happened so far; the demo says why it stopped.
            logger.LogError(e, "The demo stopped: {Problem}", e.Message);
        }
    }

    Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        stoppingToken.Register(() => started.TrySetResult(false));
        return started.Task;
    }
}
