using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnowOps.Routing.Data;
using SnowOps.Routing.Network;
using SnowOps.Routing.Planning;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Routing;

/// <summary>Routing: the road network and the plow routes planned over it.</summary>
public static class RoutingModule
{
    public const string Name = "Routing";

    public static IHostApplicationBuilder AddRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RoutingOptions>(builder.Configuration.GetSection("SnowOps:Routing"));
        builder.AddModuleDatabase<RoutingDbContext, RoutingSqliteContext, RoutingPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        builder.Services.AddHostedService<NetworkFileImport>();
        return builder;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<RoutePlanner>();

    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app) => app.MapNetworkEndpoints();
}
