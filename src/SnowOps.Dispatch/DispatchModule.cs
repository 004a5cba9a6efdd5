using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.Dispatch.Clock;
using SnowOps.Dispatch.Crews;
using SnowOps.Dispatch.Data;
using SnowOps.Dispatch.Plans;
using SnowOps.Dispatch.SnowEvents;
using SnowOps.Dispatch.Tasks;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;

namespace SnowOps.Dispatch;

/// <summary>Dispatch: snow events, their plans, and the crew tasks they send out.</summary>
public static class DispatchModule
{
    public const string Name = "Dispatch";

    public static IHostApplicationBuilder AddDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DispatchOptions>(builder.Configuration.GetSection("SnowOps:Dispatch"));
        builder.AddModuleDatabase<DispatchDbContext, DispatchSqliteContext, DispatchPostgresContext>(Name);
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddServices(builder.Services);
        builder.Services.AddHostedService<DispatchSeeder>();
        builder.Services.AddDispatchClock(builder.Configuration.GetValue<double?>("SnowOps:Dispatch:ClockSeconds") ?? new DispatchOptions().ClockSeconds);
        builder.AddModuleMessaging(AddConsumers);
        return builder;
    }

    /// <summary>Dispatch's services for its consumers and endpoints; also what its specs register.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<CrewAssigner>();
        services.AddScoped<CrewRoster>();
        services.AddScoped<Standby>();
        services.AddScoped<CrewTaskFactory>();
        services.AddScoped<PlanStore>();
        services.AddScoped<ServiceReport>();
        services.AddScoped<SnowfallClock>();
        services.AddScoped<UnansweredTasks>();
        services.AddScoped<TargetWatch>();
        services.AddScoped<DispatchClock>();
    }

    /// <summary>Dispatch's consumers and saga; also what its specs register on the test harness.</summary>
    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<SnowEventStateMachine, SnowEventState>().EntityFrameworkRepository<SnowEventState, DispatchDbContext>();
        bus.AddConsumer<AlertProposer>();
        bus.AddConsumer<PlanTasksCreator>();
        bus.AddConsumer<RouteTasksCreator>();
        bus.AddConsumer<CrewReports>();
        bus.AddConsumer<CompletionReports>(c => c.Options<BatchOptions>(ReportBatch.Options)).Endpoint(ReportBatch.Configure);
        bus.AddConsumer<ProgressReports>(c => c.Options<BatchOptions>(ReportBatch.Options)).Endpoint(ReportBatch.Configure);
        bus.AddConsumer<TaskRequests>();
        bus.AddConsumer<TimelineRecorder>();
    }

    public static IEndpointRouteBuilder MapDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSnowEventEndpoints();
        app.MapServiceReportEndpoints();
        app.MapPlanEndpoints();
        app.MapTaskEndpoints();
        app.MapCrewEndpoints();
        app.MapShiftEndpoints();
        return app;
    }
}
