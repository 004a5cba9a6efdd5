using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SnowOps.ServiceDefaults.Data;
using SnowOps.ServiceDefaults.Messaging;
using SnowOps.Status.Dashboard;
using SnowOps.Status.Audit;
using SnowOps.Status.Data;
using SnowOps.Status.Live;
using SnowOps.Status.Projections;
using SnowOps.Status.Public;
using SnowOps.Status.Summary;

namespace SnowOps.Status;

/// <summary>Status: the read side every screen and lookup is served from.</summary>
public static class StatusModule
{
    public const string Name = "Status";

    public static IHostApplicationBuilder AddStatus(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStatusLive();
        builder.AddModuleDatabase<StatusDbContext, StatusSqliteContext, StatusPostgresContext>(Name);
        builder.AddModuleMessaging(AddConsumers);
        builder.AddPublicLookup();
        builder.AddDashboard();
        return builder;
    }

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        // A process without the hub (or a spec on the bus alone) projects without telling anyone.
        bus.TryAddSingleton<IStatusFeed>(SilentFeed.Instance);
        bus.AddConsumer<StatusProjection>();
        bus.AddConsumer<TaskProjection>();
        bus.AddConsumer<ProgressProjection>(c => c.Options<BatchOptions>(o => o
            .SetMessageLimit(TaskBatch.Size).SetTimeLimit(TaskBatch.Wait).SetConcurrencyLimit(TaskBatch.Concurrency)))
            .Endpoint(TaskBatch.Configure);
        bus.AddConsumer<StateProjection>(c => c.Options<BatchOptions>(o => o
            .SetMessageLimit(TaskBatch.Size).SetTimeLimit(TaskBatch.Wait).SetConcurrencyLimit(TaskBatch.Concurrency)))
            .Endpoint(TaskBatch.Configure);
        bus.AddConsumer<StateChangesProjection>().Endpoint(StateChangesProjection.Configure);
        bus.AddConsumer<RouteProjection>();
        bus.AddConsumer<HeatingProjection>();
        bus.AddConsumer<AuditProjection>();
        // Every replica hears every change for the screens connected to it, in order.
        bus.AddConsumer<HubPush>().Endpoint(e =>
        {
            InstanceEndpoint.Configure(e);
            e.ConcurrentMessageLimit = 1;
        });
    }

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app) =>
        app.MapSummaryEndpoints().MapAuditEndpoints().MapDashboardEndpoints().MapStatusHub().MapPublicEndpoints().MapWebPages();
}
