using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Contracts;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Data;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Registry;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Heating;

/// <summary>Heating: indoor temperature checks and what they find.</summary>
public static class HeatingModule
{
    public const string Name = "Heating";

    public static IHostApplicationBuilder AddHeating(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MeasuringMethod>(builder.Configuration.GetSection(MeasuringMethod.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHeatingRegistry(builder.Configuration);
        builder.Services.AddHeatingComplaints(builder.Configuration);
        builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus) => bus.AddConsumer<ReadingRecorder>();

    public static IEndpointRouteBuilder MapHeatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReadingEndpoints();
        app.MapRegistryEndpoints();
        app.MapImportEndpoints();
        app.MapComplaintEndpoints();
        return app;
    }
}
