namespace SnowOps.Contracts;

/// <summary>Order to Routing: plan plow routes for a snow event.</summary>
/// <param name="SnowEventId">The snow event the routes are for.</param>
/// <param name="PriorityClasses">The road priority classes to cover, e.g. "P1", "P2".</param>
/// <param name="Vehicles">How many plows to send (the first ones of the city's fleet); spreaders come as configured.</param>
/// <param name="PavementTemperatureCelsius">Pavement temperature the de-icing rate is chosen for; the city's configured one when null.</param>
/// <param name="KeptSnowAreasWkt">
/// Areas where snow is kept on purpose (parks and scenic spots left white), as WKT polygons in WGS 84: their streets are not
/// plowed, except those of the classes in <paramref name="KeptSnowServedClasses"/>.
/// </param>
/// <param name="KeptSnowServedClasses">Priority classes still plowed inside kept-snow areas: the paths safety needs (e.g. "P1").</param>
/// <remarks>
/// A later request for the same snow event that names classes not planned yet widens the plan: the added classes are planned
/// and every route (old and new) is published again; a repeated request publishes the stored routes.
/// </remarks>
public sealed record PlowRoutesRequested(
    Guid SnowEventId,
    IReadOnlyList<string> PriorityClasses,
    int Vehicles,
    double? PavementTemperatureCelsius = null,
    IReadOnlyList<string>? KeptSnowAreasWkt = null,
    IReadOnlyList<string>? KeptSnowServedClasses = null);

/// <summary>Routing planned the routes asked for.</summary>
/// <param name="SnowEventId">The snow event the routes are for.</param>
/// <param name="Routes">One route per vehicle that has work; empty when no road network is loaded.</param>
public sealed record PlowRoutesAssigned(Guid SnowEventId, IReadOnlyList<PlannedRoute> Routes);

/// <summary>One vehicle's route.</summary>
/// <param name="RouteId">Stable id of the route.</param>
/// <param name="Name">A human name, e.g. "plow-2: P1, P2".</param>
/// <param name="PriorityClass">The highest priority class on the route.</param>
/// <param name="LengthMeters">Length of the streets served.</param>
/// <param name="GeometryWkt">The streets served as a WKT MultiLineString in WGS 84.</param>
/// <param name="Streets">Street names in the order served.</param>
/// <param name="VehicleId">The vehicle that drives it, e.g. "plow-2"; null from planners before vehicles had names.</param>
/// <param name="VehicleKind">"Plow" or "Spreader" (a spreader's route de-ices bridges, ramps and slopes).</param>
/// <param name="DurationHours">Hours from leaving the depot to coming back, deadheading included.</param>
/// <param name="DeadheadMeters">Metres driven without serving.</param>
/// <param name="DeIcerKg">De-icer the route spreads, kg (0 for a plow).</param>
public sealed record PlannedRoute(
    Guid RouteId,
    string Name,
    string PriorityClass,
    double LengthMeters,
    string GeometryWkt,
    IReadOnlyList<string> Streets,
    string? VehicleId = null,
    string? VehicleKind = null,
    double? DurationHours = null,
    double? DeadheadMeters = null,
    double? DeIcerKg = null);

/// <summary>
/// Routing planned the remaining work again after a vehicle broke down or a street was blocked: each working vehicle's
/// route now starts where the vehicle is; finished streets are not in any route.
/// </summary>
/// <param name="SnowEventId">The snow event the routes are for.</param>
/// <param name="Revision">1 for the first re-plan, then 2, …; the first plan (<see cref="PlowRoutesAssigned"/>) is revision 0.</param>
/// <param name="Routes">The new route of each working vehicle that has work left.</param>
/// <param name="BrokenVehicles">Vehicles taken out of the plan, so far in this snow event.</param>
/// <param name="BlockedSegmentIds">Road segments neither served nor driven, so far in this snow event.</param>
/// <param name="UnservedSegmentIds">Segments of the requested classes no route serves (blocked, unreachable or past the shifts).</param>
public sealed record PlowRoutesReplanned(
    Guid SnowEventId,
    int Revision,
    IReadOnlyList<PlannedRoute> Routes,
    IReadOnlyList<string> BrokenVehicles,
    IReadOnlyList<long> BlockedSegmentIds,
    IReadOnlyList<long> UnservedSegmentIds);
