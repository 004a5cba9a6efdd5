using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Routing.Fleet;

public static class FleetEndpoints
{
    public static IEndpointRouteBuilder MapFleetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fleet", (IOptionsMonitor<RoutingOptions> options) => Results.Ok(View(options.CurrentValue)))
            .RequireAuthorization(Policies.Watch).WithTags("Plow routes")
            .WithSummary("The city's depots, salt yards, vehicles, lane width and de-icing rates.");
        return app;
    }

    static object View(RoutingOptions options) => new
    {
        bases = options.Fleet.Bases.Select(b => new { b.Name, kind = b.Kind.ToString(), b.Lon, b.Lat }),
        vehicleTypes = options.Fleet.Vehicles.Select(v => new
        {
            v.Name, kind = v.Kind.ToString(), v.Count, v.HomeDepot, v.DeIcerCapacityKg, v.PlowSpeedKmh, v.TravelSpeedKmh, v.ShiftHours,
        }),
        vehicles = FleetRoster.For(options.Fleet, 0).Select(v => new { id = v.Id, kind = v.Kind.ToString(), type = v.Type.Name, home = v.Home?.Name }),
        laneWidthMeters = options.Fleet.LaneWidthMeters,
        deIcing = new
        {
            options.DeIcing.PavementTemperatureCelsius,
            options.DeIcing.PreWetted,
            options.DeIcing.PreWettedFactor,
            rates = options.DeIcing.EffectiveRates.Select(r => new { fromCelsius = r.FromCelsius, r.GramsPerSquareMeter, r.Material }),
        },
    };
}
