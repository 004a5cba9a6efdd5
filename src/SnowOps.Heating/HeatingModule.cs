using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Contracts;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Reports;
using SnowOps.Heating.Supply;
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
        builder.Services.AddHeatingServices(builder.Configuration);
        builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(Name);
        builder.Services.AddHeatingSupplySchedule(builder.Configuration);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    /// <summary>Everything the endpoints and consumers need but the database, the bus and the schedules.</summary>
    public static IServiceCollection AddHeatingServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeasuringMethod>(configuration.GetSection(MeasuringMethod.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHeatingRules(configuration).AddHeatingDeficiencies();
        services.AddHeatingRegistry(configuration);
        services.AddHeatingComplaints(configuration);
        services.AddHeatingSupply(configuration);
        return services;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ReadingRecorder>();
        bus.AddConsumer<TaskTracker>();
        // The consumers' services travel with them, so every host and spec that adds the consumers can resolve them.
        bus.AddHeatingDeficiencies();
        bus.AddSupplyConsumers();
    }

    public static IEndpointRouteBuilder MapHeatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReadingEndpoints();
        app.MapReportEndpoints();
        app.MapDeficiencyEndpoints();
        app.MapHeatingSupplyEndpoints();
        app.MapRegistryEndpoints();
        app.MapImportEndpoints();
        app.MapComplaintEndpoints();
        return app;
    }
}
