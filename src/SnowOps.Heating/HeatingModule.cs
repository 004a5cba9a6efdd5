using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Contracts;
using SnowOps.Heating.Checks;
using SnowOps.Heating.Data;
using SnowOps.Heating.Readings;
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
        builder.Services.Configure<MeasuringMethod>(builder.Configuration.GetSection(MeasuringMethod.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddModuleDatabase<HeatingDbContext, HeatingSqliteContext, HeatingPostgresContext>(Name);
        AddCheckServices(builder);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    /// <summary>Risk ranking and check scheduling, with the Quartz job that runs the scheduler.</summary>
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
        AddRiskAndChecks(builder.Services);
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
        bus.AddConsumer<ColdOperationRecorder>();
        bus.AddConsumer<CheckAssignments>();
    }

    public static IEndpointRouteBuilder MapHeatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReadingEndpoints();
        app.MapRiskEndpoints();
        app.MapCheckEndpoints();
        return app;
    }
}
