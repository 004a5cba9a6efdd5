using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnowOps.Contracts;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;
using SnowOps.Status.Data;

namespace SnowOps.Status.Dashboard;

/// <summary>What the committee dashboard and the dispatcher console read from Status: the map, the KPIs, the charts' history and the map settings.</summary>
public static class DashboardEndpoints
{
    public const int MaxHistoryHours = 168;

    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var status = app.MapGroup("/api/status").WithTags("Status").RequireAuthorization(Policies.Watch);
        status.MapGet("/map", MapAsync)
            .WithSummary("The open snow events' routes (GeoJSON geometry, priority class, vehicle, streets, and the task made from each), trucks at their newest position, compounds' newest readings; ?snowEventId= for one event.");
        status.MapGet("/kpis", KpisAsync)
            .WithSummary("Cleared share of route length by priority class per open snow event, open tasks by state, heating pass rate and deficiencies.");
        status.MapGet("/history", HistoryAsync)
            .WithSummary($"Hourly series for the charts over the last ?hours= (1..{MaxHistoryHours}, default 24): tasks completed, cleared share by priority class.");
        status.MapGet("/config", Config).WithSummary("The map's settings: tile URL and attribution if any, freshness hours, first view.");
        return app;
    }

    static async Task<IResult> MapAsync(StatusDbContext db, TimeProvider clock, Guid? snowEventId, CancellationToken cancellationToken)
    {
        var events = snowEventId is { } one ? [one] : await MapView.OpenEventsAsync(db, cancellationToken);
        return Results.Ok(new
        {
            asOf = clock.GetUtcNow(),
            snowEventIds = events.Order(),
            routes = await MapView.RoutesAsync(db, events, cancellationToken),
            trucks = await MapView.TrucksAsync(db, cancellationToken),
            compounds = await MapView.CompoundsAsync(db, cancellationToken),
        });
    }

    static async Task<IResult> KpisAsync(StatusDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Results.Ok(await Kpis.ComputeAsync(db, clock.GetUtcNow(), cancellationToken));

    static async Task<IResult> HistoryAsync(StatusDbContext db, TimeProvider clock, string? hours, CancellationToken cancellationToken)
    {
        var span = 24;
        if (hours is not null && (!int.TryParse(hours, out span) || span is < 1 or > MaxHistoryHours))
            return Problems.BadRequest($"hours must be a whole number from 1 to {MaxHistoryHours}.");
        return Results.Ok(await History.ComputeAsync(db, clock.GetUtcNow(), span, cancellationToken));
    }

    static IResult Config(IOptions<MapOptions> options)
    {
        var map = options.Value;
        return Results.Ok(new
        {
            tileUrl = string.IsNullOrWhiteSpace(map.TileUrl) ? null : map.TileUrl.Trim(),
            tileAttribution = map.TileAttribution,
            map.FreshHours,
            map.RepassHours,
            center = map is { CenterLatitude: { } lat, CenterLongitude: { } lon } ? new[] { lat, lon } : null,
            map.Zoom,
            phases = Enum.GetNames<SnowPhase>(),
        });
    }
}
