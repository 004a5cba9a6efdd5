using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnowOps.Routing.Fleet;
using SnowOps.Routing.Outputs;
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
        builder.Services.AddOptions<RoutingOptions>().Bind(builder.Configuration.GetSection("SnowOps:Routing")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutingOptions>, FleetValidation>();
        builder.AddModuleDatabase<RoutingDbContext, RoutingSqliteContext, RoutingPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        builder.Services.AddHostedService<NetworkFileImport>();
        return builder;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<RoutePlanner>();

    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapNetworkEndpoints().MapFleetEndpoints().MapRouteEndpoints();
}
