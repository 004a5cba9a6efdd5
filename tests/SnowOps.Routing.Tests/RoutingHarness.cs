using Microsoft.Extensions.DependencyInjection;
using SnowOps.Routing.Data;
using SnowOps.Testing;

namespace SnowOps.Routing.Tests;

/// <summary>Routing's consumer on MassTransit's in-memory harness, over a real SQLite file, with the test district's fleet.</summary>
public sealed class RoutingHarness(RoutingOptions? options = null, Action<IServiceCollection>? services = null)
    : ModuleHarness<RoutingDbContext, RoutingSqliteContext>(RoutingModule.AddConsumers, collection =>
    {
        collection.Configure<RoutingOptions>(o =>
        {
            var chosen = options ?? TestCity.Options();
            o.Fleet = chosen.Fleet;
            o.DeIcing = chosen.DeIcing;
            o.Planner = chosen.Planner;
        });
        services?.Invoke(collection);
    });
