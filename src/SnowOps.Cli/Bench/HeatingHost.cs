using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SnowOps.Heating;
using SnowOps.Heating.Data;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Cli.Bench;

/// <summary>
/// The Heating module in this process, composed as <see cref="HeatingModule.AddHeating"/> composes it with
/// SnowOps:Modules=Heating in the embedded mode (see <see cref="EmbeddedModuleHost"/>), but without its schedules: the
/// check scheduler and the supply advice would add their own work to what is timed. A counter of repair requests stands
/// in for Dispatch on the same bus.
/// </summary>
public sealed class HeatingHost : IAsyncDisposable
{
    readonly EmbeddedModuleHost _host;

    HeatingHost(EmbeddedModuleHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();
    public RepairRequests Repairs => _host.Services.GetRequiredService<RepairRequests>();

    public static async Task<HeatingHost> StartAsync(CancellationToken cancellationToken) => new(
        await EmbeddedModuleHost.StartAsync(HeatingModule.Name, new Dictionary<string, string?>(), builder =>
        {
            builder.Services.AddHeatingServices(builder.Configuration);
            builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(HeatingModule.Name);
            builder.Services.AddSingleton<RepairRequests>();
            builder.AddModuleMessaging(HeatingModule.AddConsumers);
            builder.AddModuleMessaging(bus => bus.AddConsumer<RepairRequestCounter>());
            builder.AddMessaging();
        }, cancellationToken));

    /// <summary>The district's companies and compounds, written in one go, since registering is not what is measured.</summary>
    public Task RegisterAsync(HeatingDistrict district, CancellationToken cancellationToken) => QueryAsync(db =>
    {
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
        return db.SaveChangesAsync(cancellationToken);
    });

    /// <summary>Runs a query on Heating's database, in a scope of its own.</summary>
    public Task<T> QueryAsync<T>(Func<HeatingDbContext, Task<T>> query) =>
        _host.WithScopeAsync(services => query(services.GetRequiredService<HeatingDbContext>()));

    public Task<int> ReadingsAsync(CancellationToken cancellationToken) => QueryAsync(db => db.Readings.CountAsync(cancellationToken));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
