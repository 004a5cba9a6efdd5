using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnowOps.Heating;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The Heating module in this process, composed as <see cref="HeatingModule.AddHeating"/> composes it with
/// SnowOps:Modules=Heating in the embedded mode (in-memory bus, SQLite in a temporary folder removed afterwards), but
/// without its schedules: the check scheduler and the supply advice would add their own work to what is timed. A counter
/// of repair requests stands in for Dispatch on the same bus.
/// </summary>
public sealed class HeatingHost : IAsyncDisposable
{
    readonly IHost _host;
    readonly string _folder;

    HeatingHost(IHost host, string folder) => (_host, _folder) = (host, folder);

    public IBus Bus => _host.Services.GetRequiredService<IBus>();
    public RepairRequests Repairs => _host.Services.GetRequiredService<RepairRequests>();

    public static async Task<HeatingHost> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("snowops-heating-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SnowOps:Modules"] = HeatingModule.Name,
            ["SnowOps:Transport"] = "InMemory",
            ["SnowOps:Database"] = "Sqlite",
            ["SnowOps:DataDir"] = folder,
        });
        // Only what goes wrong is worth printing; it goes to stderr, where it cannot mix with the tables.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddServiceDefaults();
        builder.Services.AddHeatingServices(builder.Configuration);
        builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(HeatingModule.Name);
        builder.Services.AddSingleton<RepairRequests>();
        builder.AddModuleMessaging(HeatingModule.AddConsumers);
        builder.AddModuleMessaging(bus => bus.AddConsumer<RepairRequestCounter>());
        builder.AddMessaging();

        var host = builder.Build();
        try
        {
            foreach (var database in host.Services.GetRequiredService<IEnumerable<IModuleDatabase>>())
                await database.MigrateAsync(host.Services, cancellationToken);
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await new HeatingHost(host, folder).DisposeAsync();
            throw;
        }
        return new HeatingHost(host, folder);
    }

    /// <summary>The district's companies and compounds, written in one go, since registering is not what is measured.</summary>
    public async Task RegisterAsync(HeatingDistrict district, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeatingDbContext>();
        db.Companies.AddRange(district.Capacity.Select(c => new HeatingCompany
        {
            CompanyId = c.Key, Name = "Company " + c.Key, Inspectors = c.Value / HeatingDistrict.ChecksPerInspector,
            ChecksPerInspectorPerDay = HeatingDistrict.ChecksPerInspector,
        }));
        db.Compounds.AddRange(district.Candidates.Select(c => new Compound
        {
            CompoundId = c.Facts.CompoundId, Name = "Compound " + c.Facts.CompoundId, CompanyId = c.Facts.CompanyId,
            BuiltYear = c.Facts.BuiltYear, ColdArea = c.Facts.ColdArea, ColdSpots = c.Facts.ColdSpots, Households = 200,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Runs a query on Heating's database, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeatingDbContext>());
    }

    public Task<int> ReadingsAsync(CancellationToken cancellationToken) => QueryAsync(db => db.Readings.CountAsync(cancellationToken));

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
