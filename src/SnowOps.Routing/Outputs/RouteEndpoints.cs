using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MassTransit;
using SnowOps.Routing.Data;
using SnowOps.Routing.Planning;
using SnowOps.Routing.Planning.Replan;
using SnowOps.ServiceDefaults.Auth;
using SnowOps.ServiceDefaults.Http;

using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.Routing.Outputs;

public static class RouteEndpoints
{
    public static IEndpointRouteBuilder MapRouteEndpoints(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/api/routes").WithTags("Plow routes");
        routes.MapGet("/{snowEventId:guid}", PlanAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("The current plan of a snow event: each vehicle's route with distances, duration and de-icer, and the work left out.");
        routes.MapGet("/{snowEventId:guid}/{vehicle}.geojson", GeoJsonAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("One vehicle's route as a GeoJSON FeatureCollection of service and deadhead legs.");
        routes.MapGet("/{snowEventId:guid}/{vehicle}.gpx", GpxAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("One vehicle's route as GPX 1.1: a track and a waypoint per street served.");
        routes.MapGet("/{snowEventId:guid}/{vehicle}/streets", StreetsAsync).RequireAuthorization(Policies.Watch)
            .WithSummary("One vehicle's streets in the order served, with direction, length, priority and de-icing.");
        routes.MapPost("/{snowEventId:guid}/replan", ReplanAsync).RequireAuthorization(Policies.Dispatch)
            .WithSummary("Re-plan the remaining work after a breakdown or a blocked street, from the vehicles' positions.");
        return app;
    }

    static async Task<IResult> PlanAsync(Guid snowEventId, RoutingDbContext db, CancellationToken cancellationToken)
    {
        var plan = await PlanStore.LatestAsync(db, snowEventId, cancellationToken);
        if (plan is null)
            return Problems.NotFound($"Snow event {snowEventId} has no plow routes.");
        return Results.Ok(RouteViews.Plan(plan, await PlanStore.RoutesAsync(db, snowEventId, plan.Revision, cancellationToken)));
    }

    static async Task<IResult> GeoJsonAsync(Guid snowEventId, string vehicle, RoutingDbContext db, CancellationToken cancellationToken) =>
        await WithLegsAsync(snowEventId, vehicle, db, cancellationToken, (route, legs) =>
            Results.Text(RouteGeoJson.Write(route.VehicleId, legs), "application/geo+json"));

    static async Task<IResult> GpxAsync(Guid snowEventId, string vehicle, RoutingDbContext db, CancellationToken cancellationToken) =>
        await WithLegsAsync(snowEventId, vehicle, db, cancellationToken, (route, legs) =>
            Results.Text(RouteGpx.Write(route.VehicleId, route.BaseName, legs), "application/gpx+xml"));

    static async Task<IResult> StreetsAsync(Guid snowEventId, string vehicle, RoutingDbContext db, CancellationToken cancellationToken) =>
        await WithLegsAsync(snowEventId, vehicle, db, cancellationToken, (route, legs) => Results.Ok(RouteViews.Streets(route, legs)));

    static async Task<IResult> WithLegsAsync(Guid snowEventId, string vehicle, RoutingDbContext db, CancellationToken cancellationToken,
        Func<RouteRecord, List<RouteLeg>, IResult> answer)
    {
        var plan = await PlanStore.LatestAsync(db, snowEventId, cancellationToken);
        if (plan is null)
            return Problems.NotFound($"Snow event {snowEventId} has no plow routes.");
        var routes = await PlanStore.RoutesAsync(db, snowEventId, plan.Revision, cancellationToken);
        // A vehicle given a route by a widening as well drives it after its first: its files show both, in order.
        var own = routes.Where(r => string.Equals(r.VehicleId, vehicle, StringComparison.OrdinalIgnoreCase)).ToList();
        if (own.Count == 0)
            return Problems.NotFound($"No route for vehicle '{vehicle}' in snow event {snowEventId}; vehicles with routes: {string.Join(", ", routes.Select(r => r.VehicleId).Distinct())}.");
        var route = PlanStore.OfVehicle(own);
        var steps = PlanStore.StepsOf(route);
        var ids = steps.Select(s => s.SegmentId).Distinct().ToList();
        var segments = await db.Segments.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return answer(route, RouteLegs.Of(steps, segments));
    }

    static async Task<IResult> ReplanAsync(Guid snowEventId, ReplanBody? body, RoutingDbContext db, IOptionsMonitor<RoutingOptions> options,
        IPublishEndpoint publish, TimeProvider clock, TransactionalOutbox outbox, CancellationToken cancellationToken)
    {
        if (body is null)
            return Problems.BadRequest("Send a JSON body: { \"brokenVehicles\": [..], \"blockedSegments\": [..], \"finishedSegments\": [..], \"positions\": [{ \"vehicle\", \"lon\", \"lat\" }] }.");
        if (ReplanChecks.Problem(body) is { } problem)
            return Problems.BadRequest(problem);
        var outcome = await new ReplanHandler(db, outbox, options.CurrentValue, publish, clock).HandleAsync(snowEventId, body, cancellationToken);
        if (outcome.Plan is not { } plan)
        {
            return outcome.Status switch
            {
                404 => Problems.NotFound(outcome.Problem!),
                409 => Problems.Conflict(outcome.Problem!),
                _ => Problems.Unprocessable(outcome.Problem!),
            };
        }
        var view = RouteViews.Plan(plan, await PlanStore.RoutesAsync(db, snowEventId, plan.Revision, cancellationToken));
        return outcome.Repeated ? Results.Ok(view) : Results.Created($"/api/routes/{snowEventId}", view);
    }
}
