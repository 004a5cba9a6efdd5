using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Plans;

namespace SnowOps.Dispatch;

/// <summary>At start-up: the configured plans become plan versions (checked first), the configured crews join the roster.</summary>
public sealed class DispatchSeeder(IServiceScopeFactory scopes, ILogger<DispatchSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanStore>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DispatchOptions>>().CurrentValue;
        foreach (var plan in options.Plans)
        {
            var errors = PlanValidator.Check(plan);
            if (errors.Count > 0)
                throw new InvalidOperationException($"Plan '{plan.Name}' in SnowOps:Dispatch:Plans is not valid: {string.Join("; ", errors)}");
        }
        var added = await plans.SeedAsync(cancellationToken);
        var crews = await scope.ServiceProvider.GetRequiredService<CrewRoster>().SeedAsync(cancellationToken);
        logger.LogInformation("Dispatch: {Plans} plan version(s) and {Crews} crew(s) added from configuration", added, crews);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
