using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Contracts;
using SnowOps.Heating.Complaints;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Data;
using SnowOps.Heating.Deficiencies;
using SnowOps.Heating.Readings;
using SnowOps.Heating.Reports;
using SnowOps.Heating.Supply;
using SnowOps.Heating.Registry;
using SnowOps.Heating.Risk;
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
        AddCheckServices(builder);
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
        // What the risk ranking asks of complaints and of the forecast.
        services.AddScoped<IComplaintCounts>(sp => sp.GetRequiredService<ComplaintCounts>());
        services.AddScoped<IOutdoorForecast>(sp => sp.GetRequiredService<Forecasts.OutdoorForecast>());
        AddRiskAndChecks(services);
        return services;
    }

    /// <summary>The settings of risk ranking and check scheduling, checked at start, and the Quartz job that runs the scheduler.</summary>
    static void AddCheckServices(IHostApplicationBuilder builder)
    {
        var checks = new CheckOptions();
        builder.Configuration.GetSection(CheckOptions.Section).Bind(checks);
        var risk = new RiskOptions();
        builder.Configuration.GetSection(RiskOptions.Section).Bind(risk);
        if ((checks.Problem() ?? risk.Problem()) is { } problem)
            throw new InvalidOperationException(problem);
        builder.Services.Configure<CheckOptions>(builder.Configuration.GetSection(CheckOptions.Section));
        builder.Services.Configure<RiskOptions>(builder.Configuration.GetSection(RiskOptions.Section));
        builder.Services.AddCheckScheduler(checks.SchedulerSeconds);
    }

    /// <summary>The services behind the risk ranking and the scheduler; also what the specs register.</summary>
    public static void AddRiskAndChecks(IServiceCollection services)
    {
        services.TryAddScoped<IComplaintCounts, NoComplaintCounts>();
        services.TryAddScoped<IOutdoorForecast, NoOutdoorForecast>();
        services.AddScoped<RiskRanking>();
        services.AddScoped<CheckScheduler>();
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ReadingRecorder>();
        bus.AddConsumer<TaskTracker>();
        bus.AddConsumer<ColdOperationRecorder>();
        bus.AddConsumer<CheckAssignments>();
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
        app.MapRiskEndpoints();
        app.MapCheckEndpoints();
        return app;
    }
}
