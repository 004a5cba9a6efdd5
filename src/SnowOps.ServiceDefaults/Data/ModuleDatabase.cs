using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SnowOps.ServiceDefaults.Data;

/// <summary>A module's database, as far as start-up needs to know it: something to migrate.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

sealed class ModuleDatabase<TContext>(string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module { get; } = module;

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }
}
