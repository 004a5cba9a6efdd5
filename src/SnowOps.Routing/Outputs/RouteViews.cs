using SnowOps.Routing.Planning;

namespace SnowOps.Routing.Outputs;

/// <summary>The JSON shapes the route endpoints answer with.</summary>
public static class RouteViews
{
    public static object Plan(PlanRecord plan, IReadOnlyList<RouteRecord> routes) => new
    {
        snowEventId = plan.SnowEventId,
        plan.Revision,
        priorityClasses = plan.PriorityClasses,
        pavementCelsius = plan.PavementCelsius,
        deIcingGramsPerSquareMeter = Math.Round(plan.GramsPerSquareMeter, 2),
        plan.BrokenVehicles,
        blockedSegments = plan.BlockedSegments,
        finishedSegments = plan.FinishedSegments,
        plan.PlanningSeconds,
        routes = routes.Select(Route),
        unserved = PlanStore.UnservedOf(plan),
    };

    public static object Route(RouteRecord r) => new
    {
        vehicle = r.VehicleId,
        vehicleKind = r.VehicleKind,
        routeId = r.Id,
        r.Name,
        r.PriorityClass,
        @base = r.BaseName,
        serviceKm = Math.Round(r.ServiceMeters / 1000, 2),
        deadheadKm = Math.Round(r.DeadheadMeters / 1000, 2),
        durationHours = Math.Round(r.Seconds / 3600.0, 2),
        deIcerKg = r.DeIcerKg,
        streetsServed = r.Streets.Count,
        geoJson = $"/api/routes/{r.SnowEventId}/{r.VehicleId}.geojson",
        gpx = $"/api/routes/{r.SnowEventId}/{r.VehicleId}.gpx",
        streets = $"/api/routes/{r.SnowEventId}/{r.VehicleId}/streets",
    };

    public static object Streets(RouteRecord r, IReadOnlyList<RouteLeg> legs) => new
    {
        vehicle = r.VehicleId,
        serviceKm = Math.Round(r.ServiceMeters / 1000, 2),
        deadheadKm = Math.Round(r.DeadheadMeters / 1000, 2),
        durationHours = Math.Round(r.Seconds / 3600.0, 2),
        deIcerKg = r.DeIcerKg,
        streets = legs.Where(l => l.Service).Select((l, i) => new
        {
            order = i + 1,
            name = l.Street,
            direction = RouteLegs.Heading(l.Geometry),
            lengthMeters = Math.Round(l.Meters, 1),
            priority = l.PriorityClass,
            deIcing = l.DeIcing,
            deIcerKg = Math.Round(l.DeIcerKg, 1),
            pass = l.Pass,
            startMinutes = Math.Round(l.Start / 60.0, 1),
            endMinutes = Math.Round(l.End / 60.0, 1),
        }),
    };
}
