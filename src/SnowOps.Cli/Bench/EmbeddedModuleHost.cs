using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Data;

namespace SnowOps.Cli.Bench;

/// <summary>
/// One module in this process for a benchmark, in the embedded mode: in-memory bus, SQLite in a temporary folder that is
/// removed afterwards, migrations applied before it starts, and only warnings logged (to stderr, apart from the tables).
/// </summary>
public sealed class EmbeddedModuleHost : IAsyncDisposable
{
    readonly IHost _host;
    readonly string _folder;

    EmbeddedModuleHost(IHost host, string folder) => (_host, _folder) = (host, folder);

    public IServiceProvider Services => _host.Services;

    /// <param name="module">The module's name, for SnowOps:Modules.</param>
    /// <param name="settings">Further settings of the module.</param>
    /// <param name="compose">Adds the module, and its bus, to the builder.</param>
    public static async Task<EmbeddedModuleHost> StartAsync(
        string module, IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> compose, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory($"snowops-{module.ToLowerInvariant()}-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["SnowOps:Modules"] = module,
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Sqlite",
            ["SnowOps:DataDir"] = folder,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddServiceDefaults();
        compose(builder);

        var started = new EmbeddedModuleHost(builder.Build(), folder);
        try
        {
            foreach (var database in started.Services.GetRequiredService<IEnumerable<IModuleDatabase>>())
                await database.MigrateAsync(started.Services, cancellationToken);
            await started._host.StartAsync(cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        return started;
    }

    /// <summary>Runs something with the module's services, in a scope of its own.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
