using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Contracts;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Reports;
using SnowOps.Heating.Supply;
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
        builder.Services.AddHeatingRules(builder.Configuration).AddHeatingDeficiencies();
        builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(Name);
        builder.Services.AddHeatingSupply(builder.Configuration);
        builder.Services.AddHeatingSupplySchedule(builder.Configuration);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
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
        return app;
    }
}
